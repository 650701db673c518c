namespace EmailSecurity.Simulator
{
    /// <summary>How much demo data an account gets, and from which random seed.</summary>
    public sealed class AccountSeed
    {
        public int Messages { get; set; } = 60;
        public int Seed { get; set; } = 1;
    }
}
