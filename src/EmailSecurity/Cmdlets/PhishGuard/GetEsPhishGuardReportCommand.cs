using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets.PhishGuard
{
    /// <summary>
    /// Lists PhishGuard reports created in a time range (<c>GET /phishguard/reports</c>: one unpaged answer in the
    /// older API, every page in turn in the newer one). Only
    /// <c>start</c>/<c>end</c> are sent; the deprecated <c>from_date</c>/<c>to_date</c> never are.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsPhishGuardReport")]
    [OutputType(typeof(PhishGuardReport))]
    public sealed class GetEsPhishGuardReportCommand : EsApiCmdlet
    {
        [Parameter(Position = 0)]
        [Alias("StartDate")]
        [ApiQuery("start")]
        [DateTimeOffsetInput]
        public DateTime? Start { get; set; }

        [Parameter(Position = 1)]
        [Alias("EndDate")]
        [ApiQuery("end")]
        [DateTimeOffsetInput]
        public DateTime? End { get; set; }

        protected override void BeginProcessing()
        {
            if (DateRange.Problem(Start, End) is ErrorRecord problem)
            {
                ThrowTerminatingError(problem);
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            WritePaged<PhishGuardReport>(BoundApiValues.AddQuery(this, ApiCatalog.PhishGuard.Reports.Request()),
                ApiValues.MaxPageSize);
        }
    }
}
