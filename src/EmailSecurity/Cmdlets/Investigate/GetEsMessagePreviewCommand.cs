using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Renders messages as PNG images: by investigate id, the detection preview (<c>GET /investigate/{id}/preview</c>)
    /// or, for a message without a detection, <c>POST /investigate/preview</c>, as the API answers; or by postfix id
    /// (past its end of life); -OutFile saves the images as .png files.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsMessagePreview", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    [OutputType(typeof(MessagePreview))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class GetEsMessagePreviewCommand : MessageFileCmdlet<MessagePreview>
    {
        private const string ByPostfixIdSet = "ByPostfixId";

        /// <summary>
        /// Not bound from the pipeline: messages carry both Id and PostfixId, and Id is the one to use.
        /// </summary>
        [Parameter(ParameterSetName = ByPostfixIdSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? PostfixId { get; set; }

        protected override IEnumerable<string> IdsOfRecord =>
            ParameterSetName == ByPostfixIdSet
                ? new[] { PostfixId! }
                : Id ?? (IEnumerable<string>)Array.Empty<string>();

        protected override string FileExtension => ".png";

        protected override string Document => "preview";

        /// <summary>1 November 2026, when the API's postfix ids reached their end of life.</summary>
        internal const string PostfixIdEndOfLife =
            "-PostfixId: postfix ids are past their end of life (1 November 2026); the newer API previews a message " +
            "only by its investigate id. Use -Id (Get-EsMessage shows it) instead.";

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ByPostfixIdSet)
            {
                WriteWarning(PostfixIdEndOfLife);
            }

            base.BeginProcessing();
        }

        internal override ApiRequest RequestFor(string id) => ParameterSetName == ByPostfixIdSet
            ? ApiCatalog.Investigate.PreviewWithoutDetection.Request().WithPostfixIds(new[] { id })
            : ApiCatalog.Investigate.Preview.Request(id);

        internal override Task<ApiResult<MessagePreview>> ReadAsync(
            EsApiClient client,
            string id,
            CancellationToken cancellationToken) =>
            ParameterSetName == ByPostfixIdSet
                ? base.ReadAsync(client, id, cancellationToken)
                : MessagePreviews.OfAsync(client, id, cancellationToken);

        protected override void AssignId(MessagePreview result, string id)
        {
            if (ParameterSetName == ByPostfixIdSet)
            {
                result.PostfixId = id;
            }
            else
            {
                result.InvestigateId = id;
            }
        }

        protected override byte[] ContentOf(MessagePreview result) => result.GetImageBytes();
    }
}
