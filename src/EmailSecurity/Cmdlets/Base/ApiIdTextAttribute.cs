using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Turns what is bound to an -Id parameter into id text. A piped object gives its Id property (or a property of
    /// another name the attribute lists): without this PowerShell would bind an object that has none, such as a move
    /// result, a detection or a PhishGuard report, by its ToString(), and send that text to the API as an id.
    /// Such an object now fails to bind, with a message that says what to pipe instead, before any request.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ApiIdTextAttribute : ArgumentTransformationAttribute
    {
        private readonly string[] propertyNames;

        /// <param name="propertyAliases">More property names that hold the id (the parameter's aliases), after Id.</param>
        public ApiIdTextAttribute(params string[] propertyAliases)
        {
            propertyNames = new[] { "Id" }.Concat(propertyAliases).ToArray();
        }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            if (value == null || value is string)
            {
                return value!;
            }

            if (value is IList many)
            {
                var texts = new List<string>(many.Count);
                foreach (var item in many)
                {
                    texts.Add(AsText(item));
                }

                return texts.ToArray();
            }

            return AsText(inputData);
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private string AsText(object? item)
        {
            var value = Unwrap(item);
            switch (value)
            {
                case null:
                    throw new ArgumentTransformationMetadataException("An id cannot be null.");
                case string text:
                    return text;
                case int _:
                case long _:
                case uint _:
                case ulong _:
                case short _:
                case ushort _:
                case byte _:
                case sbyte _:
                    // The API's ids are text; a number is more likely a count (-IncludeTotalCount writes one) than an id.
                    throw new ArgumentTransformationMetadataException($"{value} is a number, and ids are text; to use it as an id anyway, quote it: -Id '{value}'.");
            }

            var properties = PSObject.AsPSObject(item).Properties;
            foreach (var name in propertyNames)
            {
                if (Unwrap(properties[name]?.Value) is string id)
                {
                    return id;
                }
            }

            throw new ArgumentTransformationMetadataException(
                $"A {value.GetType().Name} cannot be used as an id: it has no {string.Join(" or ", propertyNames)} property that holds text. Give ids as text, "
                + "or pick the property that holds one first, for example: ... | ForEach-Object MessageId | ...");
        }
    }
}
