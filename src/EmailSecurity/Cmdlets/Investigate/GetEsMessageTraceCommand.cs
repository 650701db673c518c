using System;
using System.Collections.Generic;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>Reads the delivery log of messages (<c>GET /investigate/{id}/trace</c>).</summary>
    [Cmdlet(VerbsCommon.Get, "EsMessageTrace")]
    [OutputType(typeof(MessageTrace))]
    public sealed class GetEsMessageTraceCommand : MessageDetailCmdlet<MessageTrace>
    {
        internal override ApiRequest RequestFor(string id) => ApiCatalog.Investigate.Trace.Request(id);

        protected override void AssignId(MessageTrace result, string id) => result.MessageId = id;
    }
}
