namespace EmailSecurity.Client
{
    /// <summary>
    /// Where the core reports what it does. The core runs on worker threads and never touches the pipeline;
    /// a cmdlet supplies an observer that carries these lines over to its own thread (Verbose, Debug, Warning).
    /// </summary>
    internal interface IApiObserver
    {
        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);

        /// <summary>Long waits the caller may want to show (Write-Progress).</summary>
        void Progress(string status);
    }
}
