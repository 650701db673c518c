using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Reads messages as the mail server received them (<c>GET /investigate/{id}/raw</c>); -OutFile saves them as
    /// .eml files (UTF-8 without a byte order mark, which mail clients and parsers expect).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsMessageRaw", SupportsShouldProcess = true)]
    [OutputType(typeof(MessageRaw))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class GetEsMessageRawCommand : MessageFileCmdlet<MessageRaw>
    {
        private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(false);

        protected override string FileExtension => ".eml";

        protected override string Document => "raw email";

        internal override ApiRequest RequestFor(string id) => ApiCatalog.Investigate.Raw.Request(id);

        protected override void AssignId(MessageRaw result, string id) => result.InvestigateId = id;

        protected override byte[] ContentOf(MessageRaw result) =>
            Utf8WithoutBom.GetBytes(result.Raw ?? throw new InvalidOperationException(
                $"The API sent no raw content for message {result.InvestigateId}."));
    }
}
