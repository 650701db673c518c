using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EmailSecurity.Simulator.Investigate;
using EmailSecurity.Simulator.Investigate.Demo;

namespace EmailSecurity.Simulator.Settings.Resources
{
    internal static class ImpersonationRegistry
    {
        private static readonly string[] Provenances =
            { "A1S_INTERNAL", "SNOOPY-CASB_OFFICE_365", "SNOOPY-OFFICE_365", "SNOOPY-GOOGLE_DIRECTORY" };

        public static readonly SettingsResource Resource = new SettingsResource
        {
            Path = "impersonation_registry",
            Kind = "Impersonation registry entry",
            OutputKeys = new[]
            {
                "id", "comments", "created_at", "directory_id", "directory_node_id", "email",
                "external_directory_node_id",
                "is_email_regex", "modified_at", "name", "provenance",
            },
            Fields = new[]
            {
                FieldSpec.Text("email", required: true),
                FieldSpec.Flag("is_email_regex", required: true),
                FieldSpec.Text("name", required: true),
                FieldSpec.Text("comments"),
                FieldSpec.Number("directory_id"),
                FieldSpec.Number("directory_node_id"),
                FieldSpec.Text("external_directory_node_id"),
                FieldSpec.Choice("provenance", Provenances),
            },
            Filters =
                new[] { FilterSpec.Choice("provenance", Provenances), FilterSpec.Search("name", "email", "comments") },
            OrderFields = new[] { "name", "email", "created_at" },
            Check = PatternChecks.RegexMustCompile("email", "is_email_regex"),
            Demo = (random, _) => Demo(random),
        };

        /// <summary>
        /// The tenant's leadership, synced from the Microsoft 365 directory, plus a couple added by hand.
        /// </summary>
        private static IEnumerable<JsonObject> Demo(Core.DemoRandom random)
        {
            string[] titles = { "Chief Executive Officer", "Chief Financial Officer", "General Counsel", "VP Finance",
                "Head of HR", "CTO", "Controller", "Payroll Manager" };
            foreach ((Mailbox person, string title) in Tenant.People.Zip(titles, (p, t) => (p, t)))
            {
                yield return new JsonObject
                {
                    ["comments"] = title,
                    ["directory_id"] = 4471,
                    ["directory_node_id"] = random.Next(100000, 999999),
                    ["email"] = person.Address,
                    ["external_directory_node_id"] = random.NextGuid().ToString(),
                    ["is_email_regex"] = false,
                    ["name"] = person.Name,
                    ["provenance"] = "SNOOPY-OFFICE_365",
                };
            }
            yield return Manual("Board of Directors", "^board-[a-z]+@contoso\\.example$", regex: true,
                "Board distribution aliases");
            yield return Manual("Alex Morgan (personal)", "alex.morgan.home@freemail.test", regex: false,
                "CEO's personal address, often spoofed");
        }

        private static JsonObject Manual(string name, string email, bool regex, string comments) => new JsonObject
        {
            ["comments"] = comments,
            ["directory_id"] = null,
            ["directory_node_id"] = null,
            ["email"] = email,
            ["external_directory_node_id"] = null,
            ["is_email_regex"] = regex,
            ["name"] = name,
            ["provenance"] = "A1S_INTERNAL",
        };
    }
}
