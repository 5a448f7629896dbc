%% Gluon's `gen_server`: the generic server behaviour, written from the
%% OTP documentation and the observed behaviour of OTP 27+.
%%
%% Supported: `start/3,4`, `start_link/3,4` (names `{local, Atom}`; the
%% options `timeout` and `spawn_opt`), `call/2,3`, `cast/2`, `reply/2`,
%% `stop/1,3`, `enter_loop/3,4,5`, and on this single node `abcast/2,3`
%% and `multi_call/2,3,4`. Callbacks: `init/1`, `handle_call/3`,
%% `handle_cast/2`, `handle_info/2`, `handle_continue/2`, `terminate/2`
%% (the last three optional), with every documented return shape,
%% including timeouts (`timeout` to `handle_info/2`), `hibernate` and
%% `{continue, C}`; `throw(Value)` from a callback counts as returning
%% `Value`. A server trapping exits runs `terminate/2` and exits when its
%% parent does. `init/1` returning `{error, Reason}` makes the start
%% return `{error, Reason}` (OTP 26+; OTP 25 called it a bad return value),
%% and a failed `start_link` leaves no `'EXIT'` message behind (OTP 26+).
%%
%% Not done, or different:
%% - `{global, Name}` and `{via, Module, Name}` raise `notsup`: there is
%%   no distribution and no `global` registry.
%% - `hibernate` does not compact the process; the server simply waits.
%% - No process aliases: a reply that arrives after `call/3` timed out
%%   stays in the caller's mailbox (OTP 24+ drops it).
%% - System messages (`sys`): only the terminate request sent by
%%   `proc_lib:stop/1,3` and `stop/1,3` is understood; other system
%%   messages are ignored. No `debug` options, `hibernate_after`,
%%   `code_change/3`, `format_status`, `send_request`/`receive_response`.
%% - No error reports: OTP's logger prints one when a server terminates
%%   abnormally or gets a message without `handle_info/2`; Gluon is quiet.
-module(gen_server).
-export([start/3, start/4, start_link/3, start_link/4, call/2, call/3, cast/2,
         reply/2, stop/1, stop/3, enter_loop/3, enter_loop/4, enter_loop/5,
         abcast/2, abcast/3, multi_call/2, multi_call/3, multi_call/4]).

-callback init(Args :: term()) -> term().
-callback handle_call(Request :: term(), From :: {pid(), term()}, State :: term()) -> term().
-callback handle_cast(Request :: term(), State :: term()) -> term().
-callback handle_info(Info :: term(), State :: term()) -> term().
-callback handle_continue(Info :: term(), State :: term()) -> term().
-callback terminate(Reason :: term(), State :: term()) -> term().
-optional_callbacks([handle_info/2, handle_continue/2, terminate/2]).

%%% Starting

start(Mod, Args, Opts) -> start_it(nolink, none, Mod, Args, Opts).
start(Name, Mod, Args, Opts) -> start_it(nolink, Name, Mod, Args, Opts).
start_link(Mod, Args, Opts) -> start_it(link, none, Mod, Args, Opts).
start_link(Name, Mod, Args, Opts) -> start_it(link, Name, Mod, Args, Opts).

start_it(Link, Name, Mod, Args, Opts) when is_atom(Mod), is_list(Opts) ->
    case where(Name) of
        undefined ->
            Timeout = option(timeout, Opts, infinity),
            SpawnOpts = option(spawn_opt, Opts, []),
            %% `fun init_it/6` (not `?MODULE, init_it`) lets firmware's
            %% library pruner see that init_it/6 is needed.
            InitArgs = [fun init_it/6, [self(), Link, Name, Mod, Args, Opts]],
            case Link of
                link -> proc_lib:start_link(erlang, apply, InitArgs, Timeout, SpawnOpts);
                nolink -> proc_lib:start(erlang, apply, InitArgs, Timeout, SpawnOpts)
            end;
        Pid ->
            {error, {already_started, Pid}}
    end;
start_it(_, _, _, _, _) ->
    erlang:error(badarg).

where(none) -> undefined;
where({local, Name}) when is_atom(Name) -> whereis(Name);
where({global, _}) -> erlang:error(notsup);
where({via, _, _}) -> erlang:error(notsup);
where(_) -> erlang:error(badarg).

option(Key, Opts, Default) ->
    case lists:keyfind(Key, 1, Opts) of
        {Key, Value} -> Value;
        false -> Default
    end.

init_it(Starter, Link, Name, Mod, Args, _Opts) ->
    put('$initial_call', {Mod, init, 1}),
    Parent = case Link of
                 link -> Starter;
                 nolink -> self()
             end,
    case register_name(Name) of
        true ->
            init_result(Starter, Parent, Name, Mod, run_init(Mod, Args));
        false ->
            fail_start(Starter, {error, {already_started, where(Name)}}, normal)
    end.

register_name(none) -> true;
register_name({local, Name}) ->
    try register(Name, self()) catch error:badarg -> false end.

unregister_name(none) -> ok;
unregister_name({local, Name}) -> catch unregister(Name), ok.

run_init(Mod, Args) ->
    try Mod:init(Args) of
        Ret -> {return, Ret}
    catch
        throw:Ret -> {return, Ret};
        exit:Reason -> {exit, Reason};
        error:Reason:St -> {exit, {Reason, St}}
    end.

init_result(Starter, Parent, Name, Mod, {return, Ret}) ->
    case Ret of
        {ok, State} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, Mod, State, infinity);
        {ok, State, Action} ->
            case valid_action(Action) of
                true ->
                    proc_lib:init_ack(Starter, {ok, self()}),
                    loop(Parent, Name, Mod, State, Action);
                false ->
                    unregister_name(Name),
                    Reason = {bad_return_value, Ret},
                    fail_start(Starter, {error, Reason}, Reason)
            end;
        ignore ->
            unregister_name(Name),
            fail_start(Starter, ignore, normal);
        {stop, Reason} ->
            unregister_name(Name),
            fail_start(Starter, {error, Reason}, Reason);
        {error, _} = Error ->
            unregister_name(Name),
            fail_start(Starter, Error, normal);
        _ ->
            unregister_name(Name),
            Reason = {bad_return_value, Ret},
            fail_start(Starter, {error, Reason}, Reason)
    end;
init_result(Starter, _Parent, Name, _Mod, {exit, Reason}) ->
    unregister_name(Name),
    fail_start(Starter, {error, Reason}, Reason).

%% A failed start: the starter gets `Return` once this process is gone
%% (see proc_lib's `nack`), so no stray `'EXIT'` is left for it.
fail_start(Starter, Return, ExitReason) ->
    Starter ! {nack, self(), Return},
    exit(ExitReason).

valid_action(infinity) -> true;
valid_action(hibernate) -> true;
valid_action({continue, _}) -> true;
valid_action(T) -> is_integer(T) andalso T >= 0.

%% Makes the calling process (started with proc_lib) a server.
enter_loop(Mod, Opts, State) -> enter_loop(Mod, Opts, State, self(), infinity).
enter_loop(Mod, Opts, State, {local, _} = Name) -> enter_loop(Mod, Opts, State, Name, infinity);
enter_loop(Mod, Opts, State, Action) -> enter_loop(Mod, Opts, State, self(), Action).
enter_loop(Mod, _Opts, State, ServerName, Action) ->
    Name = case ServerName of
               {local, N} ->
                   case whereis(N) =:= self() of
                       true -> ServerName;
                       false -> exit(process_not_registered)
                   end;
               P when P =:= self() -> none;
               _ -> erlang:error(badarg)
           end,
    Parent = case get('$ancestors') of
                 [P0 | _] when is_pid(P0) -> P0;
                 [A | _] when is_atom(A) -> whereis(A);
                 _ -> self()
             end,
    case valid_action(Action) of
        true -> loop(Parent, Name, Mod, State, Action);
        false -> erlang:error(badarg)
    end.

%%% The server loop

%% `Action` is what the last callback asked for before the next message:
%% a timeout, `hibernate`, or `{continue, C}`.
loop(Parent, Name, Mod, State, {continue, C}) ->
    Ret = callback(Mod, handle_continue, [C, State]),
    handle_noreply(Parent, Name, Mod, State, {continue, C}, Ret);
loop(Parent, Name, Mod, State, hibernate) ->
    loop(Parent, Name, Mod, State, infinity);
loop(Parent, Name, Mod, State, Timeout) ->
    Msg = receive M -> M after Timeout -> timeout end,
    dispatch(Parent, Name, Mod, State, Msg).

dispatch(Parent, Name, Mod, State, Msg) ->
    case Msg of
        {'$gen_call', From, Request} ->
            Ret = callback(Mod, handle_call, [Request, From, State]),
            handle_call_result(Parent, Name, Mod, State, Request, From, Ret);
        {'$gen_cast', Request} ->
            Ret = callback(Mod, handle_cast, [Request, State]),
            handle_noreply(Parent, Name, Mod, State, {'$gen_cast', Request}, Ret);
        {'EXIT', Parent, Reason} when Parent =/= self() ->
            terminate(Name, Mod, State, Reason);
        {system, _From, {terminate, Reason}} ->
            terminate(Name, Mod, State, Reason);
        {system, _From, _} ->
            loop(Parent, Name, Mod, State, infinity);
        _ ->
            case erlang:function_exported(Mod, handle_info, 2) of
                true ->
                    Ret = callback(Mod, handle_info, [Msg, State]),
                    handle_noreply(Parent, Name, Mod, State, Msg, Ret);
                false ->
                    loop(Parent, Name, Mod, State, infinity)
            end
    end.

%% A callback's result: `{return, Value}` (also for a throw, as OTP
%% treats thrown values as returns) or `{exit, Reason}`.
callback(Mod, Fun, Args) ->
    try apply(Mod, Fun, Args) of
        Ret -> {return, Ret}
    catch
        throw:Ret -> {return, Ret};
        exit:Reason -> {exit, Reason};
        error:Reason:St -> {exit, {Reason, St}}
    end.

handle_call_result(Parent, Name, Mod, State, Request, From, {return, Ret}) ->
    case Ret of
        {reply, Reply, NState} ->
            reply(From, Reply),
            loop(Parent, Name, Mod, NState, infinity);
        {reply, Reply, NState, Action} ->
            case valid_action(Action) of
                true ->
                    reply(From, Reply),
                    loop(Parent, Name, Mod, NState, Action);
                false ->
                    bad_return(Name, Mod, State, Ret)
            end;
        {stop, Reason, Reply, NState} ->
            try
                terminate(Name, Mod, NState, Reason)
            after
                reply(From, Reply)
            end;
        _ ->
            handle_noreply(Parent, Name, Mod, State, Request, {return, Ret})
    end;
handle_call_result(_Parent, Name, Mod, State, _Request, _From, Failure) ->
    crashed(Name, Mod, State, Failure).

handle_noreply(Parent, Name, Mod, State, _Msg, {return, Ret}) ->
    case Ret of
        {noreply, NState} ->
            loop(Parent, Name, Mod, NState, infinity);
        {noreply, NState, Action} ->
            case valid_action(Action) of
                true -> loop(Parent, Name, Mod, NState, Action);
                false -> bad_return(Name, Mod, State, Ret)
            end;
        {stop, Reason, NState} ->
            terminate(Name, Mod, NState, Reason);
        _ ->
            bad_return(Name, Mod, State, Ret)
    end;
handle_noreply(_Parent, Name, Mod, State, _Msg, Failure) ->
    crashed(Name, Mod, State, Failure).

bad_return(Name, Mod, State, Ret) ->
    Reason = {bad_return_value, Ret},
    terminate(Name, Mod, State, Reason).

crashed(Name, Mod, State, {exit, Reason}) ->
    terminate(Name, Mod, State, Reason).

%% Runs `terminate/2` (when exported) and exits with `Reason`, or with
%% the reason `terminate/2` itself failed with.
terminate(Name, Mod, State, Reason) ->
    Outcome = case erlang:function_exported(Mod, terminate, 2) of
                  true -> callback(Mod, terminate, [Reason, State]);
                  false -> {return, ok}
              end,
    unregister_name(Name),
    case Outcome of
        {return, _} -> exit(Reason);
        {exit, Why} -> exit(Why)
    end.

%%% Client side

call(Server, Request) ->
    do_call(Server, Request, 5000, [Server, Request]).
call(Server, Request, Timeout) ->
    do_call(Server, Request, Timeout, [Server, Request, Timeout]).

do_call(Server, Request, Timeout, CallArgs) ->
    case resolve(Server) of
        undefined ->
            exit({noproc, {?MODULE, call, CallArgs}});
        Pid when Pid =:= self() ->
            exit({calling_self, {?MODULE, call, CallArgs}});
        Pid ->
            Ref = erlang:monitor(process, Pid),
            Pid ! {'$gen_call', {self(), Ref}, Request},
            receive
                {Ref, Reply} ->
                    erlang:demonitor(Ref, [flush]),
                    Reply;
                {'DOWN', Ref, process, _, Reason} ->
                    exit({Reason, {?MODULE, call, CallArgs}})
            after Timeout ->
                    erlang:demonitor(Ref, [flush]),
                    exit({timeout, {?MODULE, call, CallArgs}})
            end
    end.

%% The pid a server reference names, or `undefined`.
resolve(Pid) when is_pid(Pid) -> Pid;
resolve(Name) when is_atom(Name) -> whereis(Name);
resolve({Name, Node}) when is_atom(Name), Node =:= node() -> whereis(Name);
resolve({Name, Node}) when is_atom(Name), is_atom(Node) -> undefined;
resolve({global, _}) -> erlang:error(notsup);
resolve({via, _, _}) -> erlang:error(notsup);
resolve(_) -> undefined.

cast(Server, Request) ->
    case catch resolve(Server) of
        Pid when is_pid(Pid) -> Pid ! {'$gen_cast', Request};
        _ -> ok
    end,
    ok.

reply({Pid, Tag}, Reply) ->
    Pid ! {Tag, Reply},
    ok.

stop(Server) -> stop(Server, normal, infinity).
stop(Server, Reason, Timeout) ->
    case resolve(Server) of
        undefined -> exit(noproc);
        Pid -> proc_lib:stop(Pid, Reason, Timeout)
    end.

%% Single node: "all nodes" is this one.
abcast(Name, Request) -> abcast([node()], Name, Request).
abcast(Nodes, Name, Request) when is_list(Nodes), is_atom(Name) ->
    [cast({Name, N}, Request) || N <- Nodes],
    abcast.

multi_call(Name, Request) -> multi_call([node()], Name, Request, infinity).
multi_call(Nodes, Name, Request) -> multi_call(Nodes, Name, Request, infinity).
multi_call(Nodes, Name, Request, Timeout) when is_list(Nodes), is_atom(Name) ->
    Results = [{N, catch call({Name, N}, Request, Timeout)} || N <- Nodes],
    Good = [{N, R} || {N, R} <- Results, not is_exit(R)],
    Bad = [N || {N, R} <- Results, is_exit(R)],
    {Good, Bad}.

is_exit({'EXIT', _}) -> true;
is_exit(_) -> false.
