using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>
    /// The shared shape of the settings cmdlets: list (every page, filtered by the parameters marked
    /// <see cref="ApiQueryAttribute"/>) or get by id. A noun's Get cmdlet declares only its own filters; a list the
    /// API searches derives from <see cref="GetSearchableSettingCmdlet{TModel}"/>.
    /// </summary>
    public abstract class GetSettingCmdlet<TModel> : EsApiCmdlet, ISettingsCommand
        where TModel : class
    {
        protected const string ListSet = "List";
        protected const string ByIdSet = "ById";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true,
            ValueFromPipelineByPropertyName = true)]
        [Alias("Identity")]
        [ApiIdText(typeof(Models.SettingsObject))]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.SettingIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, ApiValues.MaxPageSize)]
        public int PageSize { get; set; } = ApiValues.MaxPageSize;

        /// <summary>
        /// The entry piped in, when it is one: to refuse an entry of another list, and for the connection it came from.
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipeline = true, DontShow = true)]
        public Models.SettingsObject? InputObject { get; set; }

        /// <summary>The list the cmdlet reads, declared on its model.</summary>
        internal ApiCollection Collection => ApiCatalog.CollectionOf<TModel>();

        ApiCollection ISettingsCommand.Collection => Collection;

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ByIdSet)
            {
                WarnPagingUnusedWithIds();
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var (entry, ids) in IdsBySource(Id!, InputObject))
                {
                    var connection = SettingsTarget.ConnectionFor<TModel>(this, entry, Collection);
                    if (connection == null)
                    {
                        continue;
                    }

                    foreach (var id in ids)
                    {
                        RunApi(async (client, bridge, token) =>
                        {
                            var answer = await client.SendAsync<TModel>(Collection.Get.Request(id), token)
                                .ConfigureAwait(false);
                            bridge.Post(() => WriteObject(answer.Result));
                        }, id, connection: connection);
                    }
                }

                return;
            }

            WritePaged<TModel>(BoundApiValues.AddQuery(this, Collection.List.Request()), PageSize);
        }
    }

    /// <summary>
    /// A list the API searches and sorts: -Search and -Direction (each noun declares its own -Order).
    /// </summary>
    public abstract class GetSearchableSettingCmdlet<TModel> : GetSettingCmdlet<TModel>
        where TModel : class
    {
        /// <summary>Free-text search of the API (its behaviour may change, the API says).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("search")]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ApiQuery("direction")]
        [ValidateSet("asc", "desc")]
        public string? Direction { get; set; }
    }
}
