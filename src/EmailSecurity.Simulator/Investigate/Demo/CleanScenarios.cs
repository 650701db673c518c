namespace EmailSecurity.Simulator.Investigate.Demo
{
    /// <summary>Legitimate mail: partners, vendors, services (NONE) and newsletters or marketing (BULK).</summary>
    internal static class CleanScenarios
    {
        private static Mailbox M(string name, string address) => new Mailbox(name, address);

        public static readonly Scenario[] All =
        {
            new Scenario
            {
                Key = "board-deck",
                Subjects = new[] { "Q3 board deck", "Re: Q3 board deck - final numbers", "Board deck for Thursday" },
                Senders = new[] { M("Dana Whitfield", "dana.whitfield@fabrikam.example"),
                    M("Marcus Hale", "marcus.hale@fabrikam.example") },
                Body = "Hi {first},\n\nAttached is the Q3 board deck for Thursday's meeting. Slides 12-15 have the " +
                    "updated revenue bridge.\nLet me know if anything needs another pass before we send it to the " +
                    "directors.\n\nThanks,\n{sender}",
                Attachment = new AttachmentSpec("Q3-Board-Deck.pdf", "application/pdf", "%PDF-1.7\n%Q3 board deck\n" +
                    "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", false),
            },
            new Scenario
            {
                Key = "contract-redlines",
                Subjects =
                    new[] { "Re: Contract redlines for review", "MSA redlines - round {n}", "Signed NDA attached" },
                Senders = new[] { M("Rebecca Stone", "rstone@northwind.example"),
                    M("Legal Team", "legal@northwind.example") },
                Body = "Hi {first},\n\nPlease find our comments on sections 4 and 9. We accepted most of your " +
                    "changes; the liability cap is still open.\nCould we get 30 minutes this week to close it out?\n" +
                    "\nBest regards,\n{sender}",
            },
            new Scenario
            {
                Key = "meeting-invite",
                Subjects = new[] { "Invitation: Quarterly planning sync @ Tue 10:00",
                    "Updated invitation: Vendor review", "Meeting notes: vendor sync" },
                Senders = new[] { M("Tom Becker", "tom.becker@adatum.example"),
                    M("Sara Lindqvist", "sara.lindqvist@litware.example") },
                Body = "Hi {first},\n\nSharing the agenda for our next sync:\n1. Rollout status\n" +
                    "2. Open support tickets\n3. Renewal timeline\n\nJoin link: https://meet.adatum.example/j/{n}\n\n" +
                    "{sender}",
                Links = new[] { new Link("https://meet.adatum.example/j/48213", "Join meeting") },
            },
            new Scenario
            {
                Key = "order-shipped",
                Subjects = new[] { "Your order #{n} has shipped", "Order #{n} confirmation",
                    "Your order #{n} is out for delivery" },
                Senders = new[] { M("Tailspin Toys", "orders@tailspintoys.example"),
                    M("Wingtip Toys", "no-reply@wingtiptoys.example") },
                Body = "Hello {first},\n\nGood news: your order #{n} is on its way. Track it here: " +
                    "https://tailspintoys.example/track/{n}\n\nThank you for shopping with us.",
                Links = new[] { new Link("https://tailspintoys.example/track/order", "Track your package") },
            },
            new Scenario
            {
                Key = "bank-statement",
                Subjects = new[] { "Your monthly statement is ready", "Payment received - thank you",
                    "Scheduled maintenance on Saturday" },
                Senders = new[] { M("Woodgrove Bank", "notifications@woodgrovebank.example") },
                Body = "Dear {first},\n\nYour statement for the account ending in {n} is now available in online " +
                    "banking.\nWe will never ask for your password by email.\n\nWoodgrove Bank",
                Links = new[] { new Link("https://www.woodgrovebank.example/statements", "View statement") },
            },
            new Scenario
            {
                Key = "press-release",
                Subjects = new[] { "Draft press release v2", "Re: Interview request", "Proofs for the spring issue" },
                Senders = new[] { M("Nadia Cole", "nadia.cole@lucernepublishing.example") },
                Body = "Hi {first},\n\nHere is v2 with the quote from Alex moved up. Embargo is Tuesday 9:00 ET.\n\n" +
                    "Cheers,\n{sender}",
            },
            new Scenario
            {
                Key = "travel",
                Subjects = new[] { "Travel itinerary for your trip to Chicago", "Your flight check-in is open",
                    "Hotel booking confirmation {n}" },
                Senders = new[] { M("Margie's Travel", "itinerary@margiestravel.example") },
                Body = "Hello {first},\n\nYour itinerary (booking reference {n}) is confirmed. Check-in opens 24 " +
                    "hours before departure.\n\nSafe travels,\nMargie's Travel",
                Links = new[] { new Link("https://margiestravel.example/trips/manage", "Manage booking") },
            },
            new Scenario
            {
                Key = "ci-build",
                Subjects = new[] { "Build #{n} passed", "Build #{n} failed on main", "Weekly dependency report" },
                Senders = new[] { M("Proseware CI", "ci@proseware.example") },
                Body = "Pipeline run #{n} finished.\n\nRepository: contoso/portal\nBranch: main\nDuration: 6m 42s\n\n" +
                    "https://ci.proseware.example/runs/{n}",
                Links = new[] { new Link("https://ci.proseware.example/runs/latest", "View run") },
            },
            new Scenario
            {
                Key = "lunch",
                Subjects = new[] { "Lunch on Thursday?", "Re: Catch-up next week", "Thanks for today" },
                Senders = new[] { M("Kevin Osei", "kevin.osei@fourthcoffee.example"),
                    M("Julia Novak", "julia.novak@alpineskihouse.example") },
                Body = "Hi {first},\n\nAre you free for lunch on Thursday? The new place near your office has good " +
                    "reviews.\n\n{sender}",
            },
            new Scenario
            {
                Key = "newsletter",
                Disposition = "BULK",
                Subjects = new[] { "Weekly digest: top stories in security", "This week in cloud: issue {n}",
                    "Your monthly product update" },
                Senders = new[] { M("The Daily Brief", "news@dailybrief.example"),
                    M("Fourth Coffee", "newsletter@fourthcoffee.example") },
                Body = "Hi {first},\n\nHere are this week's top stories:\n- Five ways to harden your mail flow\n" +
                    "- What's new in passkeys\n- Customer spotlight\n\n" +
                    "Unsubscribe: https://dailybrief.example/unsubscribe",
                Links = new[] { new Link("https://dailybrief.example/issue/latest", "Read online"),
                    new Link("https://dailybrief.example/unsubscribe", "Unsubscribe") },
                Threats = new[] { "Bulk" },
                Reasons = new[] { "Sent through a bulk mailing service", "List-Unsubscribe header present" },
                Findings = new[] { new FindingSpec("BulkSender", "bulk_mailer",
                    "Message sent by a known bulk mailing platform", "header.list-unsubscribe", "header", 0.62,
                    "https://dailybrief.example/unsubscribe") },
            },
            new Scenario
            {
                Key = "sale",
                Disposition = "BULK",
                Subjects = new[] { "Flash sale: 40% off everything this weekend",
                    "Last chance: free shipping ends tonight", "New arrivals picked for you" },
                Senders = new[] { M("ShopMart Deals", "deals@shopmart.example"),
                    M("Wingtip Toys", "promo@wingtiptoys.example") },
                Body = "Hi {first},\n\nThis weekend only: 40% off sitewide with code SAVE40.\n\n" +
                    "Shop now: https://shopmart.example/sale\n\nYou are receiving this because you subscribed.",
                Links = new[] { new Link("https://shopmart.example/sale", "Shop now") },
                Threats = new[] { "Bulk" },
                Reasons = new[] { "Marketing content", "Sent through a bulk mailing service" },
                Findings = new[] { new FindingSpec("BulkSender", "bulk_mailer",
                    "Promotional message from a bulk sender", "body", "body", 0.58, "shopmart.example") },
            },
            new Scenario
            {
                Key = "webinar",
                Disposition = "BULK",
                Subjects = new[] { "Webinar: Securing the hybrid workplace", "You're invited: Cloud Summit {n}",
                    "Recording available: Zero Trust 101" },
                Senders = new[] { M("Adatum Events", "events@adatum.example") },
                Body = "Hi {first},\n\nJoin us for a 45-minute session on securing the hybrid workplace.\n" +
                    "Register: https://events.adatum.example/register/{n}",
                Links = new[] { new Link("https://events.adatum.example/register", "Register") },
                Threats = new[] { "Bulk" },
                Reasons = new[] { "Sent through a bulk mailing service" },
                Findings = new[] { new FindingSpec("BulkSender", "bulk_mailer", "Event marketing from a bulk sender",
                    "header.list-id", "header", 0.55, "events.adatum.example") },
            },
        };
    }
}
