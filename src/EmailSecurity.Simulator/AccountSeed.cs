namespace EmailSecurity.Simulator
{
    /// <summary>How much demo data an account gets, and from which random seed.</summary>
    public sealed class AccountSeed
    {
        public int Messages { get; set; } = 60;
        public int Seed { get; set; } = 1;

        /// <summary>The most items a list puts on one page, whatever per_page asks (per_page above 1000 is still refused).
        /// The reference says 1000; a lower value plays an API that caps lower without saying so.</summary>
        public int MaxPerPage { get; set; } = 1000;
    }
}
