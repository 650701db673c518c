using System;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Lets a DateTime parameter take a DateTimeOffset, which PowerShell cannot convert by itself: the timestamps the
    /// module writes (ScannedAt, CreatedAt...) can then be given straight to -Start and -End.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DateTimeOffsetInputAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is DateTimeOffset instant
                ? instant.UtcDateTime
                : inputData;
    }
}
