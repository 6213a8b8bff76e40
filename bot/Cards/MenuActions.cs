using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

/// <summary>The main choices, shared by the welcome and help cards.</summary>
internal static class MenuActions
{
    public static List<CardAction> Create(Language language) =>
    [
        CardActions.Submit(CommonText.WhatIsUnwanted.For(language), CardVerbs.ShowTopic, new TopicPayload("unwanted-behaviour")),
        CardActions.Submit(CommonText.WhatDoesVpDo.For(language), CardVerbs.ShowTopic, new TopicPayload("vp-role")),
        CardActions.Submit(CommonText.SelfCheck.For(language), CardVerbs.StartSelfCheck, NoPayload.Instance),
        CardActions.Submit(CommonText.TalkToVp.For(language), CardVerbs.TalkToVp, NoPayload.Instance, style: "positive"),
        CardActions.Submit(CommonText.SwitchLanguage.For(language), CardVerbs.SetLanguage, new LanguagePayload(language.Other())),
    ];
}
