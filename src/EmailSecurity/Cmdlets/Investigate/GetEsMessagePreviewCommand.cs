using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Renders messages as PNG images: by investigate id (<c>GET /investigate/{id}/preview</c>, detections) or by
    /// postfix id (<c>POST /investigate/preview</c>, any message); -OutFile saves the images as .png files.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsMessagePreview", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    [OutputType(typeof(MessagePreview))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class GetEsMessagePreviewCommand : MessageFileCmdlet<MessagePreview>
    {
        private const string ByPostfixIdSet = "ByPostfixId";

        /// <summary>Not bound from the pipeline: messages carry both Id and PostfixId, and Id is the one to use.</summary>
        [Parameter(ParameterSetName = ByPostfixIdSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? PostfixId { get; set; }

        protected override IEnumerable<string> IdsOfRecord =>
            ParameterSetName == ByPostfixIdSet ? new[] { PostfixId! } : Id ?? (IEnumerable<string>)Array.Empty<string>();

        protected override string FileExtension => ".png";

        protected override string Document => "preview";

        internal override ApiRequest RequestFor(string id) => ParameterSetName == ByPostfixIdSet
            ? ApiCatalog.Investigate.PreviewByPostfixId.Request().WithIds(new[] { id })
            : ApiCatalog.Investigate.Preview.Request(id);

        protected override void AssignId(MessagePreview result, string id)
        {
            if (ParameterSetName == ByPostfixIdSet)
            {
                result.PostfixId = id;
            }
            else
            {
                result.MessageId = id;
            }
        }

        protected override byte[] ContentOf(MessagePreview result) => result.GetImageBytes();
    }
}
