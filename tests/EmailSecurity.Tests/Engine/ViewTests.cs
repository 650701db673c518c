using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EmailSecurity.Client;
using EmailSecurity.Models;
using EmailSecurity.Tests.Infrastructure;
using EmailSecurity.ViewBuilder;

namespace EmailSecurity.Tests.Engine;

/// <summary>
/// The format views as a person sees them: every output type of the module has a table view (the default) and a list
/// view, both rendered here from objects the cmdlets got from the emulator, through the engine's own formatter at
/// 120 columns.
/// </summary>
[Collection("Emulator")]
public sealed class ViewTests : ModuleTest
{
    private const int Width = 120;
    private const string TableDate = "yyyy-MM-dd HH:mm";
    private const string ListDate = "yyyy-MM-dd HH:mm:ss";

    private static readonly Assembly ModuleAssembly = typeof(EsConnection).Assembly;

    /// <summary>
    /// One case per type with a view (every output type, and a trace's lines): the script that makes a few real
    /// objects of it, how many messages the emulator account holds, the text each table row must contain and the
    /// values each list record must show for its object. A settings list without a case of its own below gets one
    /// from its Get cmdlet (<see cref="SettingsNoun"/>).
    /// </summary>
    private static readonly Dictionary<string, ViewCase> Cases = new[]
    {
        new ViewCase(typeof(EsConnection), "Get-EsConnection"),
        new ViewCase(typeof(Message), "Get-EsMessage -First 3")
        {
            Row = o => [Local(((Message)o).ScannedAt, TableDate)],
            Record = o => [("Validation", ((Message)o).Validation!.ToString()), ("To",
                string.Join(", ", ((Message)o).To!))],
        },
        new ViewCase(typeof(MessageMoveResult),
            "Get-EsMessage -First 2 | Move-EsMessage -Destination JunkEmail -Confirm:$false"),
        new ViewCase(typeof(MessageDetection), "Get-EsMessage -Disposition MALICIOUS -First 2 | Get-EsMessageDetection")
        {
            Row = o => [string.Join(", ", ((MessageDetection)o).ThreatCategories!.Select(c => c.Name))],
            Record = o => [("ThreatCategories", string.Join(", ", ((MessageDetection)o).ThreatCategories!.Select(c =>
                c.Name))), ("Findings", string.Join("\n", ((MessageDetection)o).Findings!.Select(f => f.ToString())))],
        },
        new ViewCase(typeof(MessagePreview), "Get-EsMessage -Disposition MALICIOUS -First 2 | Get-EsMessagePreview")
        {
            Row = o => [((MessagePreview)o).Dimensions!],
        },
        new ViewCase(typeof(MessageRaw), "Get-EsMessage -First 2 | Get-EsMessageRaw")
        {
            Record = o => [("Bytes", ((MessageRaw)o).Length.ToString(CultureInfo.InvariantCulture)), ("Subject",
                ((MessageRaw)o).GetHeader("Subject")!)],
        },
        new ViewCase(typeof(MessageTrace), "Get-EsMessage -First 2 | Get-EsMessageTrace")
        {
            Row = o => [Local(((MessageTrace)o).Lines[^1].LoggedAt, TableDate)],
            Record = o => [("Lines", string.Join("\n",
                ((MessageTrace)o).Lines.Select(l => $"{Local(l.LoggedAt, ListDate)} {l.Direction,-8} {l.Message}")))],
        },
        new ViewCase(typeof(MessageTraceLine),
            "Get-EsMessage -First 1 | Get-EsMessageTrace | ForEach-Object { $_.Lines }")
        {
            Row = o => [Local(((MessageTraceLine)o).LoggedAt, ListDate)],
        },
        new ViewCase(typeof(ReleaseResult),
            "@(Get-EsMessage | Where-Object IsQuarantined)[0..1] | Unblock-EsMessage -Confirm:$false")
        {
            Record = o => [("Delivered", string.Join(", ", ((ReleaseResult)o).Delivered!))],
        },
        new ViewCase(typeof(ReclassificationRequest), "Get-EsMessage -First 2 | Submit-EsReclassification " +
            "-ExpectedDisposition MALICIOUS -PassThru -Confirm:$false")
        {
            Row = o => [Local(((ReclassificationRequest)o).SubmittedAt, TableDate)],
        },
        new ViewCase(typeof(Submission), "Get-EsSubmission -First 5")
        {
            Row = o => [Local(((Submission)o).RequestedAt, TableDate)],
        },
        new ViewCase(typeof(PhishGuardReport), "Get-EsPhishGuardReport", Messages: 300)
        {
            Row = o => [Local(((PhishGuardReport)o).CreatedAt, TableDate)],
            Record = o => [("OccurredAt", Local(((PhishGuardReport)o).Fields!.OccurredAt, ListDate)), ("Tags",
                string.Join(", ", ((PhishGuardReport)o).Tags!.Select(t => t.ToString()))), ("To",
                    string.Join(", ", ((PhishGuardReport)o).Fields!.To!))],
        },
        new ViewCase(typeof(BulkAction), "Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly -Comment " +
            "'View test' -Wait -Force; Get-EsBulkAction")
        {
            Row = o => [Local(((BulkAction)o).CreatedAt, TableDate)],
            Record = o => [("SearchParameters", "detections_only=True")],
            Needs = ApiCatalog.CollectionOf<BulkAction>().Create,
        },
        new ViewCase(typeof(BulkActionMessage), "Start-EsBulkAction Move -Destination JunkEmail -DetectionsOnly " +
            "-Wait -Force | Get-EsBulkActionMessage -First 6")
        {
            Row = o => [Local(((BulkActionMessage)o).ProcessedAt, TableDate)],
            Needs = ApiCatalog.Investigate.BulkActionMessages,
        },
        new ViewCase(typeof(SettingsSyncResult),
            "Get-EsTrustedDomain | ForEach-Object { $_.Comments = 'Synced'; $_ } | Sync-EsTrustedDomain -Force")
        {
            Record = o => [("Changes", string.Join("\n", ((SettingsSyncResult)o).Changes))],
        },
        new ViewCase(typeof(EmailDomain), "Get-EsDomain")
        {
            Row = Modified,
            Record = o => [("AllowedDeliveryModes", string.Join(", ", ((EmailDomain)o).AllowedDeliveryModes!)), (
                "Authorization", $"{((EmailDomain)o).Authorization} (checked " +
                    $"{Local(((EmailDomain)o).Authorization!.Timestamp, ListDate)})")],
        },
    }.ToDictionary(c => c.Type.Name);

    static ViewTests()
    {
        foreach (var noun in SettingsNoun.All.Where(n => !Cases.ContainsKey(n.Model.Name)))
        {
            Cases[noun.Model.Name] = new ViewCase(noun.Model, noun.Get) { Row = Modified, Noun = noun };
        }
    }

    public ViewTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string> TypeNames() => new(Cases.Keys);

    [Fact]
    public void Every_output_type_has_a_table_view_first_and_a_list_view_written_by_the_build()
    {
        Assert.NotEmpty(OutputTypes);
        Assert.Empty(OutputTypes.Except(ViewedTypes));
        Assert.All(ViewedTypes, type =>
        {
            var views = Views.Where(v => v.TypeName == type.FullName).ToList();
            Assert.True(views.Count > 0, $"{type.FullName} has no view");
            Assert.True(views[0].Kind == "TableControl",
                $"the first view of {type.FullName} is a {views[0].Kind}; PowerShell shows the first one by default");
            Assert.Contains(views, v => v.Kind == "ListControl");
        });
        Assert.All(Views, v => Assert.Equal(ViewFiles.FormatFile, v.File));
    }

    /// <summary>
    /// A label is something to sort and filter by: every label a view shows is a property of its objects, the
    /// property itself or an alias of the one it shows (Disposition for FinalDisposition), with that one's value.
    /// </summary>
    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_label_a_view_shows_works_as_a_property_of_its_objects(string typeName)
    {
        var viewCase = Cases[typeName];
        var (session, items) = Produce(viewCase);
        var labels = Views.Where(v => v.TypeName == viewCase.Type.FullName).SelectMany(v => v.Items)
            .Select(i => i.Label).Distinct().ToList();
        var aliases = Aliases.Where(a => a.Type == viewCase.Type.FullName).ToList();

        var properties = session.Run("$items[0].PSObject.Properties.Name").Output.Select(o => o.ToString()).ToList();
        var same = session.Run(
            "foreach ($alias in $aliases) { [object]::Equals($items[0].($alias.Name), $items[0].($alias.Property)) " +
            "-or (\"$($items[0].($alias.Name))\" -eq \"$($items[0].($alias.Property))\") }",
            new Dictionary<string, object?> { ["aliases"] =
                aliases.Select(a => new { a.Name, a.Property }).ToArray() });

        Assert.NotEmpty(items);
        Assert.Empty(labels.Except(properties));
        Assert.All(aliases, a => Assert.Contains(a.Name, labels));
        Assert.All(same.Output, o => Assert.True((bool)o.BaseObject));
    }

    [Fact]
    public void Every_type_with_a_view_has_a_rendering_case_here()
    {
        Assert.Equal(ViewedTypes.Select(t => t.Name).Order(), Cases.Keys.Order());
    }

    [Fact]
    public void Tables_fit_120_columns_with_every_header_whole()
    {
        Assert.All(Views.Where(v => v.Kind == "TableControl"), view =>
        {
            var sized = view.Items.Where(i => i.Width is not null).ToList();
            Assert.True(sized.Count >= view.Items.Count - 1,
                $"{view.Name}: only the last column may take the rest of the line");
            var fixedWidth = sized.Sum(i => i.Width!.Value) + view.Items.Count - 1;
            Assert.True(view.Items[^1].Width is null ? fixedWidth <= Width - 10 : fixedWidth <= Width,
                $"{view.Name}: {fixedWidth} columns fixed");
            Assert.All(sized,
                i => Assert.True(i.Width >= i.Label.Length, $"{view.Name}: the header {i.Label} is cut to {i.Width}"));
            Assert.All(
                sized.Where(i => i.Property?.EndsWith("Disposition", StringComparison.Ordinal) == true),
                i => Assert.True(i.Width >= "MALICIOUS-BEC".Length,
                    $"{view.Name}: {i.Label} cuts MALICIOUS-BEC to {i.Width}"));
        });
    }

    [Fact]
    public void Views_name_only_properties_the_type_has_and_never_AdditionalFields()
    {
        Assert.All(Views, view =>
        {
            var type = ModuleAssembly.GetType(view.TypeName);
            Assert.True(type is not null, $"{view.Name} selects {view.TypeName}, which the module does not define");
            Assert.All(view.Properties, p => Assert.True(type!.GetProperty(p) is not null,
                $"{view.Name}: {view.TypeName} has no property {p}"));
            Assert.DoesNotContain(view.Items, i => i.Label == "AdditionalFields");
            Assert.DoesNotContain("AdditionalFields", view.Xml.ToString());
            Assert.Equal(view.Items.Count, view.Items.Select(i => i.Label).Distinct().Count());
        });
    }

    [Fact]
    public void Views_show_dates_in_local_time_never_as_dotnet_prints_them()
    {
        Assert.All(Views, view =>
        {
            var type = ModuleAssembly.GetType(view.TypeName)!;
            Assert.All(view.Properties, p => Assert.False(
                type.GetProperty(p)!.PropertyType == typeof(DateTimeOffset)
                    || type.GetProperty(p)!.PropertyType == typeof(DateTimeOffset?),
                $"{view.Name}: {p} would show as .NET prints a DateTimeOffset; format its LocalDateTime in a " +
                "script block"));
            Assert.All(
                view.Xml.Descendants("ScriptBlock").Select(b => b.Value)
                    .Where(b => b.Contains("ToString('yyyy", StringComparison.Ordinal)),
                b => Assert.Matches(@"^(?:(?!ToString\('yyyy).)*(?:\.LocalDateTime\.ToString\('yyyy-MM-dd " +
                    @"HH:mm(?::ss)?', \[cultureinfo\]::InvariantCulture\)(?:(?!ToString\('yyyy).)*)+$", b));
        });
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void The_table_view_shows_one_row_per_object_with_the_view_columns(string typeName)
    {
        var viewCase = Cases[typeName];
        var (session, items) = Produce(viewCase);
        var view = Views.First(v => v.TypeName == viewCase.Type.FullName && v.Kind == "TableControl");

        var result = session.RunFormatted("$items");

        result.ShouldSucceed();
        var text = result.HostText;
        AssertReadable(text, viewCase.Type);
        var blocks = Tables(text);
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.Equal(view.Items.Select(i => i.Label),
            b.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var rows = blocks.SelectMany(b => b.Rows).ToList();
        Assert.Equal(items.Count, rows.Count);

        // A grouped table names each object's group above its rows (the message a detection or trace line belongs to).
        if (view.Xml.Element("GroupBy") is { } groupBy)
        {
            var groupLabel = groupBy.Element("Label")!.Value;
            var groupProperty = viewCase.Type.GetProperty(groupBy.Element("PropertyName")!.Value)!;
            var groups = items.Select(o => groupProperty.GetValue(o)?.ToString()).Distinct().ToList();
            Assert.Equal(groups.Count, blocks.Count);
            Assert.All(groups, g => Assert.Contains($"{groupLabel}: {g}", text, StringComparison.Ordinal));
        }
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var expected in viewCase.Row(items[i]))
            {
                Assert.Contains(expected, rows[i]);
            }

            // Dispositions are shown whole, as the API names them (MALICIOUS-BEC is the longest).
            foreach (var property in view.Items.Select(c => c.Property)
                .Where(p => p?.EndsWith("Disposition", StringComparison.Ordinal) == true))
            {
                if (viewCase.Type.GetProperty(property!)!.GetValue(items[i]) is string { Length: > 0 } disposition)
                {
                    Assert.Matches($"(^| ){Regex.Escape(disposition)}( |$)", rows[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void The_list_view_shows_one_record_per_object_with_the_view_properties(string typeName)
    {
        var viewCase = Cases[typeName];
        var (session, items) = Produce(viewCase);
        var view = Views.First(v => v.TypeName == viewCase.Type.FullName && v.Kind == "ListControl");
        var result = session.RunFormatted("$items | Format-List");

        result.ShouldSucceed();
        var text = result.HostText;
        AssertReadable(text, viewCase.Type);
        // an array left to PowerShell's {a, b}
        Assert.DoesNotMatch(new Regex(@"^\S+ *: \{", RegexOptions.Multiline), text);
        var records = Records(text);
        Assert.Equal(items.Count, records.Count);
        var all = view.Items.Select(i => i.Label).ToList();
        var required = view.Items.Where(i => !i.Optional).Select(i => i.Label).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var record = records[i];
            var labels = record.Select(l => l.Label).ToList();
            Assert.Equal(all.Where(labels.Contains), labels);
            Assert.Empty(required.Except(labels));

            // Every date of the object that the view shows is in local time.
            foreach (var property in viewCase.Type.GetProperties()
                .Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)))
            {
                if (all.Contains(property.Name) && property.GetValue(items[i]) is DateTimeOffset at)
                {
                    Assert.Equal(Local(at, ListDate), Assert.Single(record, l => l.Label == property.Name).Value);
                }
            }

            foreach (var (label, expected) in viewCase.Record(items[i]))
            {
                // A long value wraps at the host's width: compare it without the whitespace the wrapping adds.
                var shown = Assert.Single(record, l => l.Label == label).Value;
                Assert.True(expected.Length > 0, $"{label}: nothing to compare");
                Assert.Equal(Squeeze(expected), Squeeze(shown));
            }
        }
    }

    [Fact]
    public void A_message_list_shows_optional_fields_only_when_they_have_a_value()
    {
        var (session, _) = Connected(messages: 200);
        var messages = session.Run("Get-EsMessage").Objects<Message>();
        var withReplyTo = messages.First(m => !string.IsNullOrEmpty(m.ReplyTo));
        var withoutReplyTo = messages.First(m => string.IsNullOrEmpty(m.ReplyTo));

        var result = session.RunFormatted($"Get-EsMessage -Id '{withReplyTo.Id}', '{withoutReplyTo.Id}' | Format-List");

        result.ShouldSucceed();
        var records = Records(result.HostText);
        Assert.Equal(2, records.Count);
        Assert.Equal(withReplyTo.ReplyTo, Assert.Single(records[0], l => l.Label == "ReplyTo").Value);
        Assert.DoesNotContain(records[1], l => l.Label == "ReplyTo");
    }

    private (EngineSession Session, List<object> Items) Produce(ViewCase viewCase)
    {
        var (session, _) = viewCase.Noun is { } noun ? Connected(noun, viewCase.Messages)
            : Connected(messages: viewCase.Messages,
                apiVersion: viewCase.Needs is { } needs ? Emulator.FirstVersionServing(needs) : null);
        session.Run($"$items = @({viewCase.Script})").ShouldSucceed();
        var items = session.Run("$items").Output.Select(o => o.BaseObject).ToList();
        Assert.True(items.Count > 0, $"{viewCase.Script} wrote nothing");
        Assert.All(items, o => Assert.IsType(viewCase.Type, o));
        return (session, items);
    }

    /// <summary>No line wider than the host, nothing left to PowerShell's default rendering of a .NET object.</summary>
    private static void AssertReadable(string text, Type type)
    {
        Assert.All(text.Split('\n'),
            l => Assert.True(l.TrimEnd('\r').Length <= Width, $"{l.TrimEnd('\r').Length} columns: {l}"));
        Assert.DoesNotContain("AdditionalFields", text);
        Assert.DoesNotContain("EmailSecurity.Models.", text);
        Assert.DoesNotContain(type.FullName!, text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d [+-]\d\d:\d\d", text); // a DateTimeOffset as .NET prints it
    }

    private static List<(string Header, List<string> Rows)> Tables(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var blocks = new List<(string, List<string>)>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0
                && lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(t => t.All(c => c == '-')))
            {
                var rows = lines.Skip(i + 1).TakeWhile(l => l.Trim().Length > 0).ToList();
                blocks.Add((lines[i - 1], rows));
            }
        }

        return blocks;
    }

    private static readonly Regex ListLine = new(@"^(?<label>\S+) *:(?: (?<value>.*))?$");

    /// <summary>
    /// Format-List output: records split by blank lines; a line that starts with a space continues the value above.
    /// </summary>
    private static List<List<(string Label, string Value)>> Records(string text)
    {
        var records = new List<List<(string Label, string Value)>>();
        List<(string Label, string Value)>? current = null;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Trim().Length == 0)
            {
                current = null;
                continue;
            }

            var match = ListLine.Match(line);
            if (match.Success)
            {
                if (current is null)
                {
                    current = new();
                    records.Add(current);
                }

                current.Add((match.Groups["label"].Value, match.Groups["value"].Value.TrimEnd()));
            }
            else
            {
                Assert.True(current is not null && line.StartsWith(' '), $"not a list line: {line}");
                current![^1] = (current[^1].Label, current[^1].Value + "\n" + line.Trim());
            }
        }

        return records;
    }

    private static string Local(DateTimeOffset? at, string format) =>
        at is { } value
            ? value.LocalDateTime.ToString(format, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("no date to show");

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", string.Empty);

    private static IEnumerable<string> Modified(object o)
    {
        var settings = (SettingsObject)o;
        yield return Local(settings.ModifiedAt ?? settings.CreatedAt, TableDate);
    }

    private static readonly List<Type> OutputTypes = ModuleAssembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
        .SelectMany(a => a.Type)
        .Select(t => t.Type)
        .Where(t => t != null && t.Assembly == ModuleAssembly) // FileInfo and the like have PowerShell's own views
        .Distinct()
        .ToList()!;

    /// <summary>Every view of the shipped format files, each file's in the order it lists them.</summary>
    /// <summary>
    /// The alias properties the build gave the module's types, one per label that is not its property's name.
    /// </summary>
    private static readonly List<(string Type, string Name, string Property)> Aliases = XDocument.Load(
        Path.Combine(Paths.ModuleDir, ViewFiles.TypesFile))
        .Descendants("Type")
        .SelectMany(type => type.Descendants("AliasProperty").Select(a => ((string)type.Element("Name")!,
            (string)a.Element("Name")!, (string)a.Element("ReferencedMemberName")!)))
        .ToList();

    private static readonly List<ViewInfo> Views = Directory.GetFiles(Paths.ModuleDir, "*.Format.ps1xml")
        .SelectMany(file => XDocument.Load(file).Descendants("View")
            .Select(view => ViewInfo.Read(Path.GetFileName(file), view)))
        .ToList();

    /// <summary>
    /// The output types and the types of what they hold that have views of their own (a trace's lines).
    /// </summary>
    private static readonly List<Type> ViewedTypes = OutputTypes
        .Union(Views.Select(v => ModuleAssembly.GetType(v.TypeName)).Where(t => t is not null))
        .ToList()!;

    private sealed record ViewCase(Type Type, string Script, int Messages = 200)
    {
        public Func<object, IEnumerable<string>> Row { get; init; } = _ => [];

        public Func<object, IEnumerable<(string Label, string Value)>> Record { get; init; } = _ => [];

        /// <summary>
        /// The settings list the objects come from, when they do: its account plays the API that has it.
        /// </summary>
        public SettingsNoun? Noun { get; init; }

        /// <summary>
        /// An operation the script sends that not every API version has: the account plays the oldest that does.
        /// </summary>
        public ApiOperation? Needs { get; init; }
    }

    private sealed record ViewItem(string Label, string? Property, int? Width, bool Optional);

    private sealed record ViewInfo(
        string File,
        string Name,
        string TypeName,
        string Kind,
        List<ViewItem> Items,
        List<string> Properties,
        XElement Xml)
    {
        public static ViewInfo Read(string file, XElement view)
        {
            var control = view.Elements().Single(e => e.Name.LocalName.EndsWith("Control", StringComparison.Ordinal));
            var items = control.Name.LocalName switch
            {
                "TableControl" => control.Descendants("TableColumnHeader")
                    .Zip(control.Descendants("TableColumnItem"), (header, item) => new ViewItem(
                        (string?)header.Element("Label") ?? (string)item.Element("PropertyName")!,
                        (string?)item.Element("PropertyName"),
                        (int?)header.Element("Width"),
                        false))
                    .ToList(),
                "ListControl" => control.Descendants("ListItem")
                    .Select(item => new ViewItem(
                        (string?)item.Element("Label") ?? (string)item.Element("PropertyName")!,
                        (string?)item.Element("PropertyName"),
                        null,
                        item.Element("ItemSelectionCondition") is not null))
                    .ToList(),
                _ => new List<ViewItem>(),
            };
            var properties = view.Descendants("PropertyName").Where(p => p.Parent?.Name != "ItemSelectionCondition")
                .Select(p => p.Value).Distinct().ToList();
            return new ViewInfo(file, (string)view.Element("Name")!, (string)view.Element("ViewSelectedBy")!
                .Element("TypeName")!, control.Name.LocalName, items, properties, view);
        }
    }
}
