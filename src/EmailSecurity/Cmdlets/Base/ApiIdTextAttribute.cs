using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EmailSecurity.Models;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Turns what is bound to an -Id parameter into id text. A piped object gives its Id property (or a property of
    /// another name the attribute lists): without this PowerShell would bind an object that has none, such as a move
    /// result, a detection or a PhishGuard report, by its ToString(), and send that text to the API as an id.
    /// Such an object now fails to bind, with a message that says what to pipe instead, before any request. So does
    /// one of this module's objects whose id belongs to another collection (a message piped into a settings cmdlet,
    /// a settings entry into a message cmdlet), live or deserialized (Import-Clixml, a job's output). The id text of
    /// an object remembers the object (<see cref="ObjectOrigin.SourceOfId"/>): objects given as an argument
    /// (-Id $messages) are worked on as the same objects piped (see EsApiCmdlet.IdsBySource).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ApiIdTextAttribute : ArgumentTransformationAttribute
    {
        private readonly Type takes;
        private readonly string[] propertyNames;

        /// <param name="takes">The module's type whose ids the parameter takes: <see cref="Message"/>, or
        /// <see cref="SettingsObject"/> for any settings entry (the cmdlet then checks the list, see
        /// SettingsTarget).</param>
        /// <param name="propertyAliases">More property names that hold the id (the parameter's aliases), after
        /// Id.</param>
        public ApiIdTextAttribute(Type takes, params string[] propertyAliases)
        {
            this.takes = takes;
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
                    // The API's ids are text; a number is more likely a count (-IncludeTotalCount writes one) than an
                    // id.
                    throw new ArgumentTransformationMetadataException(
                        $"{value} is a number, and ids are text; to use it as an id anyway, quote it: -Id '{value}'.");
            }

            var wrapped = PSObject.AsPSObject(item);
            foreach (var name in propertyNames)
            {
                if (Unwrap(wrapped.Properties[name]?.Value) is string id)
                {
                    if (ModuleTypes.IdOwnerOf(wrapped) is Type owner && !takes.IsAssignableFrom(owner))
                    {
                        throw new ArgumentTransformationMetadataException(
                            $"'{wrapped}' ({ModuleTypes.Of(wrapped)!.Name}) cannot be used as "
                            + $"{ModuleTypes.IdName(takes)}: its id belongs to another collection of the API, so it "
                            + "would change or read something else. Pipe the output of the matching Get- cmdlet, or "
                            + "give ids as text.");
                    }

                    return ObjectOrigin.IdTakenFrom(item!, id);
                }
            }

            throw new ArgumentTransformationMetadataException(
                $"A {value.GetType().Name} cannot be used as an id: it has no {string.Join(" or ", propertyNames)} "
                + "property that holds text. Give ids as text, or pick the property that holds one first: ... | "
                + "ForEach-Object <property> | ...");
        }
    }
}
