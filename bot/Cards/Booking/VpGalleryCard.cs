using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

/// <summary>A VP as the gallery shows them: only what the directory publishes.</summary>
public sealed record VpItem(string Id, string DisplayName, string Department, bool IsExternal, IReadOnlyList<string> Languages, string Intro, string? PhotoUrl);

/// <param name="Language">Card language.</param>
/// <param name="Vps">VPs after filters and the conflict-of-interest rule.</param>
/// <param name="Filter">Current filter values.</param>
/// <param name="LanguageOptions">Language codes with a display name, from the directory.</param>
/// <param name="FocusOptions">Topic ids with their titles.</param>
/// <param name="CanFilterOwnDepartment">True when the employee's department is known (after consent).</param>
/// <param name="RemindToAvoidKnownVps">True when the org chart was not checked.</param>
public sealed record VpGalleryView(
    Language Language,
    IReadOnlyList<VpItem> Vps,
    GalleryFilter Filter,
    IReadOnlyList<(string Code, string Name)> LanguageOptions,
    IReadOnlyList<(string TopicId, string Title)> FocusOptions,
    bool CanFilterOwnDepartment,
    bool RemindToAvoidKnownVps);

/// <summary>
/// Choose your own VP, narrow screens first: "first available" at the top, the filters folded, three VPs and the rest
/// behind "Meer VP's", one "Kies {name}" per VP.
/// </summary>
public static class VpGalleryCard
{
    /// <summary>VPs shown before "Meer VP's".</summary>
    public const int ShownFirst = 3;

    public static AdaptiveCard Create(VpGalleryView view)
    {
        var l = view.Language;
        var anyone = l.Pick("Maakt niet uit", "No preference");
        var filters = new List<CardElement>
        {
            new InputChoiceSet
            {
                Id = "filterGender",
                Label = l.Pick("Man of vrouw", "Man or woman"),
                Style = "compact",
                Value = view.Filter.Gender ?? "any",
                Choices = [new(anyone, "any"), new(l.Pick("Vrouw", "Woman"), "female"), new(l.Pick("Man", "Man"), "male")],
            },
            new InputChoiceSet
            {
                Id = "filterLanguage",
                Label = l.Pick("Taal", "Language"),
                Style = "compact",
                Value = view.Filter.Language ?? "any",
                Choices = [new(anyone, "any"), .. view.LanguageOptions.Select(o => new Choice(o.Name, o.Code))],
            },
            new InputChoiceSet
            {
                Id = "filterKind",
                Label = l.Pick("Binnen of buiten de organisatie", "Inside or outside the organisation"),
                Style = "compact",
                Value = view.Filter.Kind ?? "any",
                Choices = [new(anyone, "any"), new(l.Pick("Interne VP", "Internal VP"), "internal"), new(l.Pick("Externe VP", "External VP"), "external")],
            },
            new InputChoiceSet
            {
                Id = "filterFocus",
                Label = l.Pick("Met extra aandacht voor", "With special attention to"),
                Style = "compact",
                Value = view.Filter.Focus ?? "any",
                Choices = [new(anyone, "any"), .. view.FocusOptions.Select(o => new Choice(o.Title, o.TopicId))],
            },
        };
        if (view.CanFilterOwnDepartment)
        {
            filters.Add(new InputToggle { Id = "filterOutside", Title = l.Pick("Alleen VP's buiten mijn eigen afdeling", "Only VPs outside my own department"), Value = view.Filter.OutsideOwnDepartment ? "true" : "false" });
        }

        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Kies een vertrouwenspersoon", "Choose a confidential adviser")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick("Je mag zelf kiezen, ook iemand van een andere afdeling of van buiten. Je hebt geen toestemming nodig.", "You choose, also someone from another department or from outside. You don't need anyone's permission.")),
        };
        if (view.RemindToAvoidKnownVps)
        {
            body.Add(new TextBlock(l.Pick("Werk je samen met een VP? Kies dan een ander.", "Do you work with a VP? Then choose someone else.")) { IsSubtle = true });
        }

        var active = view.Filter.ActiveCount();
        body.Add(new ActionSet
        {
            Actions =
            [
                CardActions.Submit(l.Pick("Eerst beschikbare VP", "First available VP"), CardVerbs.BookingFirstAvailable, NoPayload.Instance, style: "positive"),
                new ActionShowCard
                {
                    Title = active == 0 ? l.Pick("Filters", "Filters") : l.Pick($"Filters ({active} aan)", $"Filters ({active} on)"),
                    Card = new AdaptiveCard
                    {
                        Body = filters,
                        Actions = [CardActions.SubmitWithInputs(l.Pick("Filters toepassen", "Apply filters"), CardVerbs.BookingFilter, new GalleryFilterPayload())],
                    },
                },
            ],
        });

        if (view.Vps.Count == 0)
        {
            body.Add(new TextBlock(l.Pick("Met deze filters is er geen VP. Kies minder filters, of kies de eerst beschikbare.", "No VP matches these filters. Choose fewer filters, or take the first available.")));
        }

        var shown = view.Vps.Take(ShownFirst).Select(vp => Row(vp, l)).ToList();
        body.AddRange(shown);
        if (view.Vps.Count > ShownFirst)
        {
            body.Add(new ActionSet
            {
                Actions =
                [
                    new ActionShowCard
                    {
                        Title = l.Pick($"Meer VP's ({view.Vps.Count - ShownFirst})", $"More VPs ({view.Vps.Count - ShownFirst})"),
                        Card = new AdaptiveCard { Body = [.. view.Vps.Skip(ShownFirst).Select(vp => Row(vp, l))] },
                    },
                ],
            });
        }

        return new AdaptiveCard { FallbackText = l.Pick("Kies een vertrouwenspersoon", "Choose a confidential adviser"), Body = body, Actions = [.. StepActions.BackAndStop(l, BookingSteps.Intro)] };
    }

    private static Container Row(VpItem vp, Language l)
    {
        {
            // "Extern · extern" said nothing twice: an external VP's department is the word "Extern" already.
            var kind = vp.IsExternal ? l.Pick("extern", "external") : l.Pick("intern", "internal");
            var facts = string.Equals(vp.Department, kind, StringComparison.OrdinalIgnoreCase) || (vp.IsExternal && vp.Department.Equals("Extern", StringComparison.OrdinalIgnoreCase))
                ? $"{kind} · {string.Join(", ", vp.Languages)}"
                : $"{vp.Department} · {kind} · {string.Join(", ", vp.Languages)}";
            var columns = new List<Column>();
            if (vp.PhotoUrl is not null)
            {
                columns.Add(new Column { Width = "auto", Items = [new Image { Url = vp.PhotoUrl, AltText = vp.DisplayName, Size = "Small", Style = "person" }] });
            }

            columns.Add(new Column
            {
                Width = "stretch",
                Items =
                [
                    new TextBlock(vp.DisplayName) { Weight = "Bolder" },
                    new TextBlock(facts) { IsSubtle = true, Spacing = "None" },
                    new TextBlock(vp.Intro) { Spacing = "Small" },
                ],
            });
            return new Container
            {
                Separator = true,
                Spacing = "Medium",
                Items =
                [
                    new ColumnSet { Columns = columns },
                    new ActionSet { Actions = [CardActions.Submit(l.Pick($"Kies {FirstName(vp.DisplayName)}", $"Choose {FirstName(vp.DisplayName)}"), CardVerbs.BookingChooseVp, new VpChoicePayload(vp.Id))] },
                ],
            };
        }
    }

    private static string FirstName(string displayName)
    {
        var space = displayName.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? displayName[..space] : displayName;
    }
}
