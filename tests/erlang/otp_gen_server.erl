%% gen_server and proc_lib: start results, every callback return shape,
%% call errors, timeouts, continue, terminate, stop and parent exits.
%% No pids, refs or stacktraces are printed; abnormal exits happen only
%% with the logger silenced (OTP would print error reports).
-module(otp_gen_server).
-export([start/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2]).
-export([plain_init/1, enter_init/1]).

%%% Callbacks: the state is a map with a log of events the test reads back.

init({ok, S}) -> {ok, S};
init({ok_timeout, S, T}) -> {ok, S, T};
init({ok_continue, S, C}) -> {ok, S, {continue, C}};
init(ignore) -> ignore;
init({stop, R}) -> {stop, R};
init(crash) -> erlang:error(boom);
init(exit) -> exit(bye);
init(throw_ok) -> throw({ok, #{log => [thrown]}});
init(bad) -> {what, ever};
init(bad_timeout) -> {ok, #{}, -5};
init({sleep, T}) -> timer:sleep(T), {ok, #{}};
init({trap, S}) -> process_flag(trap_exit, true), {ok, S}.

log(E, S) -> S#{log => [E | maps:get(log, S, [])]}.

handle_call(get_log, _From, S) -> {reply, lists:reverse(maps:get(log, S, [])), S};
handle_call({reply, R}, _From, S) -> {reply, R, log({call, R}, S)};
handle_call({reply_timeout, R, T}, _From, S) -> {reply, R, S, T};
handle_call({reply_continue, R, C}, _From, S) -> {reply, R, S, {continue, C}};
handle_call(noreply_later, From, S) ->
    erlang:send_after(5, self(), {later, From}),
    {noreply, S};
handle_call({noreply_timeout, T}, From, S) -> {noreply, S#{waiting => From}, T};
handle_call(hib, _From, S) -> {reply, hibernated, S, hibernate};
handle_call({stop, R, Reply}, _From, S) -> {stop, R, Reply, S};
handle_call({stop, R}, _From, S) -> {stop, R, S};
handle_call(throw_reply, _From, S) -> throw({reply, thrown, S});
handle_call(crash, _From, _S) -> erlang:error(kaboom);
handle_call(bad, _From, _S) -> bad_return;
handle_call(sleep, _From, S) ->
    %% A literal timeout: Gluon's `receive after T` with T in a register
    %% loses T when a message wakes it (a VM bug, so not timer:sleep/1).
    receive after 200 -> ok end,
    {reply, slept, S};
handle_call({reply_via, R}, From, S) -> gen_server:reply(From, R), {noreply, S}.

handle_cast({log, E}, S) -> {noreply, log(E, S)};
handle_cast({log_timeout, E, T}, S) -> {noreply, log(E, S), T};
handle_cast({stop, R}, S) -> {stop, R, S};
handle_cast(bad, _S) -> {bad};
handle_cast({continue, C}, S) -> {noreply, S, {continue, C}}.

handle_info({later, From}, S) -> gen_server:reply(From, later), {noreply, S};
handle_info(timeout, #{waiting := From} = S) ->
    gen_server:reply(From, timed_out),
    {noreply, maps:remove(waiting, S)};
handle_info(timeout, S) -> {noreply, log(timeout, S)};
handle_info({'EXIT', _, R}, S) -> {noreply, log({exit, R}, S)};
handle_info(Other, S) -> {noreply, log({info, Other}, S)}.

handle_continue({again, N}, S) when N > 0 -> {noreply, log({cont, N}, S), {continue, {again, N - 1}}};
handle_continue(C, S) -> {noreply, log({cont, C}, S)}.

terminate(Reason, S) ->
    case maps:get(report, S, undefined) of
        Pid when is_pid(Pid) -> Pid ! {terminated, short(Reason)};
        _ -> ok
    end.

%%% Helpers

%% A stacktrace differs between VMs: keep only what is comparable.
short({R, St}) when is_list(St) -> {R, stacktrace};
short(R) -> R.

show(Label, Result) -> io:format("~p: ~p~n", [Label, clean(Result)]).

clean({ok, P}) when is_pid(P) -> {ok, pid};
clean({error, {already_started, P}}) when is_pid(P) -> {error, {already_started, pid}};
clean({error, R}) -> {error, short(R)};
clean({'EXIT', {R, {gen_server, call, [P | Rest]}}}) when is_pid(P) ->
    {'EXIT', {short(R), {gen_server, call, [pid | Rest]}}};
clean({'EXIT', {R, {gen_server, call, Args}}}) -> {'EXIT', {short(R), {gen_server, call, Args}}};
clean({'EXIT', R}) -> {'EXIT', short(R)};
clean(X) -> X.

try_call(S, Req) -> clean(catch gen_server:call(S, Req)).
try_call(S, Req, T) -> clean(catch gen_server:call(S, Req, T)).

wait_down(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, R} -> short(R) after 1000 -> still_alive end.

terminated() -> receive {terminated, R} -> R after 1000 -> no_terminate end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

start() ->
    %% OTP's logger would print reports for the abnormal exits below.
    catch logger:set_primary_config(level, none),
    starts(),
    calls(),
    casts_and_infos(),
    stops(),
    parents(),
    naming(),
    plain_proc_lib(),
    enter_loop(),
    ok.

starts() ->
    [show(A, gen_server:start(?MODULE, A, []))
     || A <- [{ok, #{}}, ignore, {stop, because}, crash, exit, bad, bad_timeout]],
    {ok, P} = gen_server:start(?MODULE, throw_ok, []),
    show(thrown_init, gen_server:call(P, get_log)),
    show(start_timeout, gen_server:start(?MODULE, {sleep, 500}, [{timeout, 20}])),
    {ok, P2} = gen_server:start(?MODULE, {ok_continue, #{}, {again, 2}}, []),
    show(init_continue, gen_server:call(P2, get_log)),
    {ok, P3} = gen_server:start(?MODULE, {ok_timeout, #{}, 10}, []),
    timer:sleep(50),
    show(init_timeout, gen_server:call(P3, get_log)),
    process_flag(trap_exit, true),
    {ok, L} = gen_server:start_link(?MODULE, {ok, #{}}, []),
    show(linked_stop, gen_server:call(L, {stop, normal, bye})),
    show(linked_exit, receive {'EXIT', L, R} -> R after 1000 -> none end),
    process_flag(trap_exit, false),
    [gen_server:stop(X) || X <- [P, P2, P3]],
    ok.

calls() ->
    {ok, P} = gen_server:start(?MODULE, {ok, #{}}, []),
    show(reply, try_call(P, {reply, 1})),
    show(reply_timeout, try_call(P, {reply_timeout, 2, 10})),
    timer:sleep(40),
    show(after_timeout, try_call(P, get_log)),
    show(reply_continue, try_call(P, {reply_continue, 3, {again, 1}})),
    show(log, try_call(P, get_log)),
    show(noreply_later, try_call(P, noreply_later)),
    show(noreply_timeout, try_call(P, {noreply_timeout, 10})),
    show(hibernate, try_call(P, hib)),
    show(still_there, try_call(P, {reply, 4})),
    show(throw_reply, try_call(P, throw_reply)),
    show(reply_via, try_call(P, {reply_via, direct})),
    show(call_timeout, try_call(P, sleep, 20)),
    %% Once the server answers again, the late reply has been sent: OTP
    %% drops it (aliases), Gluon has none, so flush it either way.
    show(after_late_reply, try_call(P, {reply, late})),
    _ = flush(),
    show(with_infinity, try_call(P, {reply, 5}, infinity)),
    show(crash_call, try_call(P, crash)),
    show(dead_call, try_call(P, {reply, 6})),
    show(dead_call3, try_call(P, {reply, 6}, 100)),
    show(noproc_name, try_call(no_such_server, hello)),
    show(noproc_name3, try_call(no_such_server, hello, 50)),
    show(noproc_node, try_call({no_such_server, node()}, hello)),
    show(calling_self, try_call(self(), hello, 10)),
    {ok, P2} = gen_server:start(?MODULE, {ok, #{}}, []),
    show(bad_call, try_call(P2, bad)),
    {ok, P3} = gen_server:start(?MODULE, {ok, #{report => self()}}, []),
    show(stop_reply, try_call(P3, {stop, normal, goodbye})),
    show(terminate_reason, terminated()),
    {ok, P4} = gen_server:start(?MODULE, {ok, #{report => self()}}, []),
    show(stop_noreply, try_call(P4, {stop, {shutdown, done}})),
    show(terminate_reason, terminated()),
    ok.

casts_and_infos() ->
    {ok, P} = gen_server:start(?MODULE, {ok, #{report => self()}}, []),
    show(cast, gen_server:cast(P, {log, a})),
    show(cast_noproc, gen_server:cast(no_such_server, x)),
    P ! hello,
    gen_server:cast(P, {log_timeout, b, 10}),
    timer:sleep(40),
    gen_server:cast(P, {continue, {again, 1}}),
    show(events, try_call(P, get_log)),
    gen_server:cast(P, bad),
    show(bad_cast, wait_down(P)),
    show(terminate_reason, terminated()),
    {ok, P2} = gen_server:start(?MODULE, {ok, #{report => self()}}, []),
    gen_server:cast(P2, {stop, normal}),
    show(cast_stop, wait_down(P2)),
    show(terminate_reason, terminated()),
    ok.

stops() ->
    {ok, P} = gen_server:start(?MODULE, {ok, #{report => self()}}, []),
    show(stop, gen_server:stop(P)),
    show(terminate_reason, terminated()),
    {ok, P2} = gen_server:start(?MODULE, {ok, #{report => self()}}, []),
    show(stop3, gen_server:stop(P2, {shutdown, x}, 1000)),
    show(terminate_reason, terminated()),
    show(stop_dead, clean(catch gen_server:stop(P2))),
    show(stop_noname, clean(catch gen_server:stop(no_such_server))),
    {ok, P3} = gen_server:start(?MODULE, {ok, #{}}, []),
    show(proc_lib_stop, proc_lib:stop(P3)),
    show(alive, is_process_alive(P3)),
    ok.

%% A server trapping exits terminates with its parent's reason; one not
%% trapping just dies; an 'EXIT' from another process is an info.
parents() ->
    Self = self(),
    Parent = spawn(fun() ->
                           {ok, S} = gen_server:start_link(?MODULE, {trap, #{report => Self}}, []),
                           Self ! {server, S},
                           receive go -> exit(parent_gone) end
                   end),
    S = receive {server, X} -> X end,
    Parent ! go,
    show(parent_exit, wait_down(S)),
    show(terminate_reason, terminated()),
    Parent2 = spawn(fun() ->
                            {ok, S2} = gen_server:start_link(?MODULE, {ok, #{report => Self}}, []),
                            Self ! {server, S2},
                            receive go -> exit(parent_gone) end
                    end),
    S2 = receive {server, Y} -> Y end,
    Parent2 ! go,
    show(parent_exit_no_trap, wait_down(S2)),
    show(no_terminate, receive {terminated, _} -> called after 50 -> not_called end),
    {ok, S3} = gen_server:start(?MODULE, {trap, #{}}, []),
    Linked = spawn(fun() -> link(S3), exit(other_exit) end),
    timer:sleep(20),
    show(other_exit, try_call(S3, get_log)),
    show(linked_alive, is_process_alive(Linked)),
    gen_server:stop(S3),
    ok.

naming() ->
    show(named, gen_server:start({local, otp_gs_named}, ?MODULE, {ok, #{}}, [])),
    show(whereis, is_pid(whereis(otp_gs_named))),
    show(again, gen_server:start({local, otp_gs_named}, ?MODULE, {ok, #{}}, [])),
    show(by_name, try_call(otp_gs_named, {reply, named})),
    show(by_name_node, try_call({otp_gs_named, node()}, {reply, named})),
    gen_server:cast(otp_gs_named, {log, c}),
    show(abcast, gen_server:abcast(otp_gs_named, {log, d})),
    show(multi_call, gen_server:multi_call(otp_gs_named, get_log)),
    show(multi_call_none, gen_server:multi_call(no_such_server, get_log)),
    show(stop_by_name, gen_server:stop(otp_gs_named)),
    show(unregistered, whereis(otp_gs_named)),
    show(ignore_named, gen_server:start({local, otp_gs_named}, ?MODULE, ignore, [])),
    show(unregistered, whereis(otp_gs_named)),
    show(stop_named, gen_server:start({local, otp_gs_named}, ?MODULE, {stop, no}, [])),
    show(unregistered, whereis(otp_gs_named)),
    ok.

%% proc_lib's own start protocol and spawn wrappers.
plain_init(Mode) ->
    case Mode of
        ack -> proc_lib:init_ack({ok, self(), extra}), receive stop -> ok end;
        ack2 -> [P | _] = get('$ancestors'), proc_lib:init_ack(P, acked2), receive stop -> ok end;
        die -> exit(died_in_init);
        fail -> erlang:error(failed_in_init);
        throw -> throw(thrown_in_init);
        slow -> timer:sleep(500)
    end.

plain_proc_lib() ->
    {ok, P, extra} = proc_lib:start(?MODULE, plain_init, [ack]),
    show(ancestors, [A =:= self() || A <- proc_info_ancestors(P)]),
    P ! stop,
    show(start_ack2, proc_lib:start(?MODULE, plain_init, [ack2], 1000)),
    show(start_die, proc_lib:start(?MODULE, plain_init, [die])),
    show(start_fail, proc_lib:start(?MODULE, plain_init, [fail])),
    show(start_throw, proc_lib:start(?MODULE, plain_init, [throw])),
    show(start_timeout, proc_lib:start(?MODULE, plain_init, [slow], 20)),
    process_flag(trap_exit, true),
    {ok, L, extra} = proc_lib:start_link(?MODULE, plain_init, [ack]),
    L ! stop,
    show(link_exit, receive {'EXIT', L, R} -> R after 1000 -> none end),
    show(spawn_fail, wait_down(proc_lib:spawn(fun() -> erlang:error(oops) end))),
    show(spawn_throw, wait_down(proc_lib:spawn(fun() -> throw(up) end))),
    SL = proc_lib:spawn_link(?MODULE, plain_init, [die]),
    show(spawn_link_exit, receive {'EXIT', SL, R2} -> R2 after 1000 -> none end),
    process_flag(trap_exit, false),
    Self = self(),
    W = proc_lib:spawn(fun() -> Self ! {dict, get('$initial_call'), get('$ancestors') =:= [Self]} end),
    receive {dict, {?MODULE, _, 0}, Anc} -> show(spawn_dict, Anc) after 1000 -> show(spawn_dict, none) end,
    _ = W,
    ok.

proc_info_ancestors(P) ->
    {dictionary, D} = process_info(P, dictionary),
    {'$ancestors', A} = lists:keyfind('$ancestors', 1, D),
    A.

%% A process started with proc_lib becomes a server itself.
enter_init(Action) ->
    proc_lib:init_ack({ok, self()}),
    case Action of
        none -> gen_server:enter_loop(?MODULE, [], #{log => [entered]});
        _ -> gen_server:enter_loop(?MODULE, [], #{log => [entered]}, Action)
    end.

enter_loop() ->
    {ok, P} = proc_lib:start(?MODULE, enter_init, [none]),
    show(enter_loop, try_call(P, get_log)),
    gen_server:stop(P),
    {ok, P2} = proc_lib:start(?MODULE, enter_init, [{continue, go}]),
    show(enter_loop_continue, try_call(P2, get_log)),
    gen_server:stop(P2),
    {ok, P3} = proc_lib:start(?MODULE, enter_init, [10]),
    receive after 40 -> ok end,
    show(enter_loop_timeout, try_call(P3, get_log)),
    gen_server:stop(P3),
    ok.
