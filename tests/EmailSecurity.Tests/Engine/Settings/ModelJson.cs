using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmailSecurity.Client;

namespace EmailSecurity.Tests.Engine.Settings;

/// <summary>
/// Compares a model object with the JSON it was read from: the object, written back with the module's own JSON
/// options, must hold every field of the JSON with the same value. A field the model does not name survives only
/// through its AdditionalFields, so the comparison proves nothing was lost; <see cref="AdditionalFields"/> says
/// which fields took that way.
/// </summary>
internal static class ModelJson
{
    public static void AssertCarries(JsonElement json, object model) =>
        AssertSame(json, JsonSerializer.SerializeToElement(model, model.GetType(), ApiJson.Options), "$");

    /// <summary>
    /// Every (JSON path, field name) that landed in an AdditionalFields dictionary, nested objects included.
    /// </summary>
    public static List<(string Path, string Field)> AdditionalFields(object? model, string path = "$")
    {
        var found = new List<(string, string)>();
        switch (model)
        {
            case null:
            case string:
                break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    found.AddRange(AdditionalFields(item, $"{path}[{index++}]"));
                }

                break;
            case JsonElement:
                break;
            default:
                // Only what the JSON maps: computed properties and indexers are not the API's fields.
                foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetCustomAttribute<JsonExtensionDataAttribute>() != null)
                    {
                        var extra = (IDictionary<string, object?>?)property.GetValue(model);
                        found.AddRange((extra?.Keys ?? Enumerable.Empty<string>()).Select(k => (path, k)));
                    }
                    else if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
                    {
                        found.AddRange(AdditionalFields(property.GetValue(model), $"{path}.{name.Name}"));
                    }
                }

                break;
        }

        return found;
    }

    private static void AssertSame(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual.ValueKind == JsonValueKind.Object,
                    $"{path}: expected an object, the model wrote {actual.ValueKind}");
                foreach (var field in expected.EnumerateObject())
                {
                    var fieldPath = $"{path}.{field.Name}";
                    if (actual.TryGetProperty(field.Name, out var kept))
                    {
                        AssertSame(field.Value, kept, fieldPath);
                    }
                    else
                    {
                        // The module's options skip nulls when writing; a null read is a null kept.
                        Assert.True(field.Value.ValueKind == JsonValueKind.Null,
                            $"{fieldPath} was lost: the model neither names it nor kept it in AdditionalFields");
                    }
                }

                break;
            case JsonValueKind.Array:
                Assert.True(actual.ValueKind == JsonValueKind.Array,
                    $"{path}: expected an array, the model wrote {actual.ValueKind}");
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(),
                    $"{path}: {expected.GetArrayLength()} items read, {actual.GetArrayLength()} written");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSame(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String when IsTimestamp(expected.GetString()!):
                // Timestamps are read into DateTimeOffset and written with millisecond precision.
                Assert.True(actual.ValueKind == JsonValueKind.String,
                    $"{path}: expected a timestamp, the model wrote {actual.ValueKind}");
                var read = DateTimeOffset.Parse(expected.GetString()!, CultureInfo.InvariantCulture);
                var written = DateTimeOffset.Parse(actual.GetString()!, CultureInfo.InvariantCulture);
                Assert.True(Math.Abs((read - written).TotalMilliseconds) < 1,
                    $"{path}: read {expected.GetString()}, written {actual.GetString()}");
                break;
            default:
                Assert.True(JsonElement.DeepEquals(expected, actual),
                    $"{path}: read {expected.GetRawText()}, written {actual.GetRawText()}");
                break;
        }
    }

    private static bool IsTimestamp(string text) =>
        text.Length >= 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
