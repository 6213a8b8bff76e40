namespace VpWijzer.Routing;

/// <summary>A step around routing: runs in registration order; call <paramref name="continuation"/> to continue.</summary>
public interface ITurnMiddleware
{
    Task InvokeAsync(TurnContext context, Func<Task> continuation);
}

/// <summary>A feature area that contributes routes (commands, verbs, invokes).</summary>
public interface IRouteModule
{
    void Register(RouterBuilder routes);
}
