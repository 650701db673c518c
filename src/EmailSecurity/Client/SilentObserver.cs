namespace EmailSecurity.Client
{
    /// <summary>An observer that reports nothing (tab completion, which must not write to the prompt).</summary>
    internal sealed class SilentObserver : IApiObserver
    {
        public static readonly SilentObserver Instance = new SilentObserver();

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(string status)
        {
        }
    }
}
