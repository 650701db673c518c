namespace EmailSecurity.Cmdlets.Completion
{
    /// <summary>One id with the words a person recognises it by.</summary>
    internal sealed class IdChoice
    {
        public IdChoice(string id, string text)
        {
            Id = id;
            Text = text;
        }

        public string Id { get; }

        public string Text { get; }
    }
}
