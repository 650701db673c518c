using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>Reads why messages were classified as they were (<c>GET /investigate/{id}/detections</c>).</summary>
    [Cmdlet(VerbsCommon.Get, "EsMessageDetection")]
    [OutputType(typeof(MessageDetection))]
    public sealed class GetEsMessageDetectionCommand : MessageDetailCmdlet<MessageDetection>
    {
        internal override ApiRequest RequestFor(string id) => ApiCatalog.Investigate.Detections.Request(id);

        protected override void AssignId(MessageDetection result, string id) => result.MessageId = id;
    }
}
