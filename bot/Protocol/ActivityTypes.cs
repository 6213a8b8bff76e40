namespace VpWijzer.Protocol;

/// <summary>Wire values of <c>activity.type</c> used by Teams and Direct Line.</summary>
/// <remarks>See the Bot Framework Activity schema: https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md</remarks>
public static class ActivityTypes
{
    /// <summary>A message from a user or the bot.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left the conversation.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The app was installed or uninstalled.</summary>
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>A request that expects a synchronous response in the HTTP body.</summary>
    public const string Invoke = "invoke";

    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";

    /// <summary>The response to an invoke, used internally only.</summary>
    public const string InvokeResponse = "invokeResponse";
}

/// <summary>Well-known <c>invoke</c> activity names.</summary>
public static class InvokeNames
{
    /// <summary>Universal Action (<c>Action.Execute</c>) or card refresh.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Well-known content types of attachments.</summary>
public static class ContentTypes
{
    /// <summary>An Adaptive Card attachment.</summary>
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>Invoke response body that carries a plain message.</summary>
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
}

/// <summary>Well-known <c>channelId</c> values.</summary>
public static class Channels
{
    /// <summary>Microsoft Teams.</summary>
    public const string MsTeams = "msteams";

    /// <summary>Direct Line (Web Chat on the intranet).</summary>
    public const string DirectLine = "directline";

    /// <summary>The Bot Framework Emulator and the Agents Playground.</summary>
    public const string Emulator = "emulator";

    /// <summary>Web Chat.</summary>
    public const string WebChat = "webchat";
}

/// <summary>Teams <c>conversation.conversationType</c> values.</summary>
public static class ConversationTypes
{
    /// <summary>A one-to-one chat between a user and the bot.</summary>
    public const string Personal = "personal";

    /// <summary>A group chat.</summary>
    public const string GroupChat = "groupChat";

    /// <summary>A channel in a team.</summary>
    public const string Channel = "channel";
}
