using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Reports a false positive or negative: asks for messages to be reclassified
    /// (<c>POST /investigate/{id}/reclassify</c>), one request per message. The newer API deprecates the operation:
    /// the cmdlet warns once when it sends.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Submit, "EsReclassification", DefaultParameterSetName = EmlContentSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ReclassificationRequest))]
    public sealed class SubmitEsReclassificationCommand : EsChangeCmdlet
    {
        private const string EmlContentSet = "EmlContent";
        private const string EmlPathSet = "EmlPath";

        private readonly HashSet<(string Account, string Id)> seen = new HashSet<(string, string)>();
        private string? emlBase64;
        private string? disposition;
        private IReadOnlyDictionary<string, object?>? fields;
        private bool warned;

        /// <summary>Written once per command, before the first reclassification is sent.</summary>
        internal const string Deprecated =
            "The API deprecates reclassify (POST /investigate/{id}/reclassify) and points to submissions instead, " +
            "for which it has no endpoint yet. The request is still sent; it may stop working in a later API version.";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvestigateId", "Identity")]
        [ApiIdText(typeof(Message), "InvestigateId")]
        [ValidateApiId]
        [ArgumentCompleter(typeof(Completion.MessageIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ApiField("expected_disposition")]
        [ValidateSet(ApiValues.SearchDisposition.None, ApiValues.SearchDisposition.Bulk,
            ApiValues.SearchDisposition.Malicious, ApiValues.SearchDisposition.Spam, ApiValues.SearchDisposition.Spoof,
            ApiValues.SearchDisposition.Suspicious)]
        public string ExpectedDisposition { get; set; } = string.Empty;

        /// <summary>The EML sent: -EmlContent, or the file of -EmlPath read and base64-encoded.</summary>
        [ApiField("eml_content")]
        internal string? EmlBase64 => emlBase64;

        /// <summary>The message's EML, base64-encoded, for the reanalysis.</summary>
        [Parameter(ParameterSetName = EmlContentSet)]
        [ValidateNotNullOrEmpty]
        [ValidateBase64]
        public string? EmlContent { get; set; }

        /// <summary>An .eml file, read and base64-encoded here.</summary>
        [Parameter(ParameterSetName = EmlPathSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? EmlPath { get; set; }

        [Parameter]
        [ApiField("escalated_submission_id")]
        [ValidateNotNullOrEmpty]
        public string? EscalatedSubmissionId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The object piped in, whatever it is: its connection is used (see EsApiCmdlet.ConnectionFor).
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private string Disposition => disposition ??= BoundApiValues.InSetSpelling(this, nameof(ExpectedDisposition));

        private IReadOnlyDictionary<string, object?> Fields => fields ??= BoundApiValues.Body(this);

        protected override string ChangedNoun => "message";

        // A reclassification is a change to the message: its PostDeliveryOperations list SUBMISSION.
        internal override string CheckCommand => "Get-EsMessage";

        protected override void BeginProcessing()
        {
            emlBase64 = EmlContent;
            if (EmlPath != null)
            {
                var path = GetUnresolvedProviderPathFromPSPath(EmlPath);
                try
                {
                    emlBase64 = Convert.ToBase64String(File.ReadAllBytes(path));
                }
                catch (Exception error) when (error is IOException || error is UnauthorizedAccessException
                    || error is NotSupportedException)
                {
                    ThrowTerminatingError(new ErrorRecord(error, "EsEmlFileNotRead", ErrorCategory.ReadError, EmlPath));
                }
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            foreach (var (source, connection, ids) in IdsByConnection(Id!, InputObject))
            {
                ForEachTarget(ids, id => Submit(id, source, connection));
            }
        }

        private void Submit(string id, PSObject? source, EsConnection connection)
        {
            var action = $"Submit for reclassification as {Disposition}";
            if (!seen.Add((connection.AccountKey, id)))
            {
                WriteVerbose($"Message {id} was given more than once; it is submitted once.");
                return;
            }

            if (!ShouldProcess(MessageTarget.Describe(id, source), action))
            {
                return;
            }

            if (!warned)
            {
                warned = true;
                WriteWarning(Deprecated);
            }

            var request = ApiCatalog.Investigate.Reclassify.Request(id).WithFields(Fields);
            RunChange(action, id, connection, async (client, bridge, token) =>
            {
                await client.SendAsync<JsonElement>(request, token).ConfigureAwait(false);
                if (PassThru)
                {
                    var sent = new ReclassificationRequest(id, Disposition, EscalatedSubmissionId, emlBase64 != null,
                        DateTimeOffset.UtcNow);
                    bridge.Post(() => WriteObject(sent));
                }
            });
        }
    }
}
