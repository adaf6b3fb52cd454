namespace ShopFloor.Core.Channels;

/// <summary>A store answered with an error: worth retrying, and its message is enough to say what happened.</summary>
public class ChannelException(string message) : Exception(message);
