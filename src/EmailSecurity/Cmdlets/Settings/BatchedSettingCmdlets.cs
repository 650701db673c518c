using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>New- of a list with a batch endpoint: piped entries go in batch requests of -BatchSize.</summary>
    public abstract class BatchedNewSettingCmdlet<TModel> : NewSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = 100;

        private protected override int BatchLimit => BatchSize;
    }

    /// <summary>Remove- of a list with a batch endpoint: the ids go in batch requests of -BatchSize.</summary>
    public abstract class BatchedRemoveSettingCmdlet<TModel> : RemoveSettingCmdlet<TModel>
        where TModel : class
    {
        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = 100;

        private protected override int BatchLimit => BatchSize;
    }
}
