namespace EsEmulator.Faults;

/// <summary>
/// The fault rules of every account. Rules are tried in order; a matching rule still in its skip phase lets the
/// request go on to the next rules, and the first matching rule past its skip phase claims the request.
/// </summary>
public sealed class FaultBook
{
    private readonly Dictionary<string, List<LiveRule>> _rules = new(StringComparer.Ordinal);

    public void Replace(string accountId, IEnumerable<FaultRule> rules)
    {
        lock (_rules)
        {
            _rules[accountId] = rules.Select(r => new LiveRule(r)).ToList();
        }
    }

    public void Clear(string accountId)
    {
        lock (_rules)
        {
            _rules.Remove(accountId);
        }
    }

    /// <summary>
    /// The rule that applies to this request, counting it against the rules it passes; null when none does.
    /// </summary>
    public FaultRule? Claim(string accountId, string method, string path)
    {
        lock (_rules)
        {
            if (!_rules.TryGetValue(accountId, out List<LiveRule>? rules))
            {
                return null;
            }
            foreach (LiveRule live in rules)
            {
                if (live.Spent || !live.Rule.Matches(method, path))
                {
                    continue;
                }
                if (live.SkipLeft > 0)
                {
                    live.SkipLeft--;
                    continue;
                }
                if (!live.Draw())
                {
                    continue;
                }
                live.Applied++;
                return live.Rule;
            }
            return null;
        }
    }

    private sealed class LiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int SkipLeft { get; set; } = rule.Skip;
        public int Applied { get; set; }
        public bool Spent => Rule.Times > 0 && Applied >= Rule.Times;

        private readonly Random? _random = rule.Probability is null ? null : new Random(rule.Seed ?? 0);

        /// <summary>
        /// Whether the rule applies this time: always without a probability, else a draw of its own generator.
        /// </summary>
        public bool Draw() => _random == null || _random.NextDouble() < Rule.Probability;
    }
}
