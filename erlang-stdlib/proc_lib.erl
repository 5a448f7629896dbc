%% Gluon's `proc_lib`: processes that know their parent and ancestors,
%% and a synchronous start protocol (`start*/3,4,5` + `init_ack/1,2`)
%% that `gen_server` and `supervisor` are built on.
%%
%% Behaviour follows the OTP documentation and OTP 27+ observations:
%% - A process spawned here records `'$ancestors'` and `'$initial_call'`
%%   in its dictionary. When its function raises, it exits with
%%   `Reason` (exit), `{Reason, Stacktrace}` (error) or
%%   `{{nocatch, Reason}, Stacktrace}` (throw).
%% - `start_link` that fails (the child dies before acknowledging, or
%%   times out) unlinks and removes the child's `'EXIT'` message, as
%%   OTP 26+ does (OTP 25 left it in the mailbox).
%%
%% Not done: crash reports (OTP's logger prints them; Gluon prints
%% nothing), `init_fail/2,3` (not in OTP 25), `hibernate/3`,
%% `translate_initial_call/1`, `format*`, and the `sys` debug protocol:
%% the only system message a Gluon behaviour understands is the
%% terminate request `stop/1,3` sends.
-module(proc_lib).
-compile({no_auto_import, [spawn/1, spawn/3, spawn_link/1, spawn_link/3, spawn_opt/2, spawn_opt/4]}).
-export([spawn/1, spawn/3, spawn_link/1, spawn_link/3, spawn_opt/2, spawn_opt/4,
         start/3, start/4, start/5, start_link/3, start_link/4, start_link/5,
         init_ack/1, init_ack/2, stop/1, stop/3, initial_call/1]).

%% Every spawn goes through a closure calling init_p/4 directly, so that
%% firmware's library pruner (which follows calls, not spawn arguments)
%% keeps it.
spawn(F) when is_function(F, 0) -> spawn_opt(F, []).
spawn(M, F, A) when is_atom(M), is_atom(F), is_list(A) -> spawn_opt(M, F, A, []).

spawn_link(F) when is_function(F, 0) -> spawn_opt(F, [link]).
spawn_link(M, F, A) when is_atom(M), is_atom(F), is_list(A) -> spawn_opt(M, F, A, [link]).

spawn_opt(F, Opts) when is_function(F, 0) ->
    spawn_entry(F, [], Opts).
spawn_opt(M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A) ->
    spawn_entry({M, F}, A, Opts).

spawn_entry(Fun, Args, Opts) ->
    Parent = parent_name(),
    Ancestors = ancestors(),
    erlang:spawn_opt(fun() -> init_p(Parent, Ancestors, Fun, Args) end, Opts).

%% The parent is recorded by name when it has one, as OTP does.
parent_name() ->
    case erlang:process_info(self(), registered_name) of
        {registered_name, Name} when is_atom(Name) -> Name;
        _ -> self()
    end.

ancestors() ->
    case get('$ancestors') of
        L when is_list(L) -> L;
        _ -> []
    end.

init_p(Parent, Ancestors, Fun, Args) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', initial_call_of(Fun, Args)),
    try
        case Fun of
            {M, F} -> apply(M, F, Args);
            _ -> Fun()
        end
    catch
        exit:Reason:St -> erlang:raise(exit, Reason, St);
        error:Reason:St -> erlang:raise(exit, {Reason, St}, St);
        throw:Reason:St -> erlang:raise(exit, {{nocatch, Reason}, St}, St)
    end.

initial_call_of({M, F}, Args) -> {M, F, length(Args)};
initial_call_of(Fun, _) ->
    {module, M} = erlang:fun_info(Fun, module),
    {name, F} = erlang:fun_info(Fun, name),
    {M, F, 0}.

%% `{Module, Function, Args}` with dummy arguments, as OTP returns it.
initial_call(Pid) when is_pid(Pid) ->
    case erlang:process_info(Pid, dictionary) of
        {dictionary, D} ->
            case lists:keyfind('$initial_call', 1, D) of
                {_, {M, F, N}} -> {M, F, [list_to_atom("Argument__" ++ integer_to_list(I))
                                           || I <- lists:seq(1, N)]};
                false -> false
            end;
        _ -> false
    end.

start(M, F, A) -> start(M, F, A, infinity).
start(M, F, A, Timeout) -> start(M, F, A, Timeout, []).
start(M, F, A, Timeout, SpawnOpts) ->
    check_timeout(Timeout),
    {Pid, Ref} = spawn_opt(M, F, A, [monitor | SpawnOpts]),
    sync_start(Pid, Ref, Timeout, false).

start_link(M, F, A) -> start_link(M, F, A, infinity).
start_link(M, F, A, Timeout) -> start_link(M, F, A, Timeout, []).
start_link(M, F, A, Timeout, SpawnOpts) ->
    check_timeout(Timeout),
    {Pid, Ref} = spawn_opt(M, F, A, [link, monitor | SpawnOpts]),
    sync_start(Pid, Ref, Timeout, true).

check_timeout(infinity) -> ok;
check_timeout(T) when is_integer(T), T >= 0 -> ok;
check_timeout(_) -> erlang:error(timeout_value).

%% Waits for the child's `init_ack`; a child that dies first makes the
%% start return `{error, Reason}`.
sync_start(Pid, Ref, Timeout, Linked) ->
    receive
        {ack, Pid, Return} ->
            erlang:demonitor(Ref, [flush]),
            Return;
        {nack, Pid, Return} ->
            %% A failed start (gen_server's init returned an error): wait
            %% until the child is gone so its exit leaves nothing behind.
            receive {'DOWN', Ref, process, Pid, _} -> ok end,
            forget_link(Pid, Linked),
            Return;
        {'DOWN', Ref, process, Pid, Reason} ->
            forget_link(Pid, Linked),
            {error, Reason}
    after Timeout ->
            erlang:demonitor(Ref, [flush]),
            forget_link(Pid, Linked),
            exit(Pid, kill),
            {error, timeout}
    end.

forget_link(_, false) -> ok;
forget_link(Pid, true) ->
    unlink(Pid),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end.

init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).
init_ack(Parent, Return) when is_atom(Parent) ->
    init_ack(whereis(Parent), Return);
init_ack(Parent, Return) when is_pid(Parent) ->
    Parent ! {ack, self(), Return},
    ok.

%% Asks a behaviour process to terminate with `Reason` and waits for it
%% to be gone: `noproc` if it does not exist, `timeout` if it takes too
%% long, or the reason it really exited with if that differs.
stop(Process) -> stop(Process, normal, infinity).
stop(Process, Reason, Timeout) ->
    Ref = erlang:monitor(process, Process),
    catch erlang:send(Process, {system, {self(), Ref}, {terminate, Reason}}),
    receive
        {'DOWN', Ref, process, _, Reason} -> ok;
        {'DOWN', Ref, process, _, Other} -> exit(Other)
    after Timeout ->
            erlang:demonitor(Ref, [flush]),
            exit(timeout)
    end.
