%% supervisor: start-up, child specs, the four strategies, restart types,
%% shutdown, restart intensity and the child management API. Pids are
%% never printed (children are shown as `pid`); the logger is silenced
%% because OTP prints supervisor reports for abnormal child exits.
-module(otp_supervisor).
-export([start/0]).
%% Supervisor callback (init({sup, ...})) and worker gen_server callbacks.
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).
-export([worker/1, worker/2, start_ignore/0, start_error/0, start_bad/0,
         start_crash/0, start_flaky/1]).

%%% Supervisor callback

init({sup, Flags, Specs}) -> {ok, {Flags, Specs}};
init({sup_ignore}) -> ignore;
init({sup_bad}) -> {ok, nonsense};
%%% Worker callbacks: a worker knows its name and reports to the test.
init({worker, Name, Trap}) ->
    process_flag(trap_exit, Trap),
    {ok, Name}.

handle_call(name, _From, N) -> {reply, N, N};
handle_call({exit, R}, _From, N) -> {stop, R, ok, N}.
handle_cast(_, N) -> {noreply, N}.
handle_info(_, N) -> {noreply, N}.
terminate(Reason, N) ->
    case whereis(otp_supervisor_test) of
        undefined -> ok;
        P -> P ! {terminated, N, Reason}
    end,
    case N of
        slow -> receive after 2000 -> ok end;
        _ -> ok
    end.

worker(Name) -> worker(Name, false).
worker(Name, Trap) -> gen_server:start_link(?MODULE, {worker, Name, Trap}, []).
start_ignore() -> ignore.
start_error() -> {error, nope}.
start_bad() -> not_a_start_result.
start_crash() -> erlang:error(start_crashed).
%% Starts only while the `flaky` flag in the test's dictionary... is read
%% from a registered holder process, so a restart can be made to fail.
start_flaky(Name) ->
    otp_supervisor_flag ! {get, self()},
    receive
        {flag, ok} -> worker(Name);
        {flag, fail} -> {error, flaky}
    end.

%%% Helpers

spec(Id) -> #{id => Id, start => {?MODULE, worker, [Id]}}.
spec(Id, Restart) -> #{id => Id, start => {?MODULE, worker, [Id]}, restart => Restart}.

show(Label, X) -> io:format("~p: ~p~n", [Label, clean(X)]).

clean(P) when is_pid(P) -> pid;
clean({R, St}) when is_list(St), St =/= [], is_tuple(hd(St)), tuple_size(hd(St)) =:= 4 ->
    {clean(R), stacktrace};
clean(T) when is_tuple(T) -> list_to_tuple([clean(E) || E <- tuple_to_list(T)]);
clean(L) when is_list(L) -> [clean(E) || E <- L];
%% Maps print in a different key order on OTP 29: show sorted pairs.
clean(M) when is_map(M) -> {map, clean(lists:sort(maps:to_list(M)))};
clean(X) -> X.

%% A literal timeout (see otp_gen_server: a register timeout is lost by
%% Gluon when a message arrives during the wait).
pause() -> receive after 20 -> ok end.

pids(Sup) -> [{Id, P} || {Id, P, _, _} <- supervisor:which_children(Sup)].
pid_of(Sup, Id) -> proplists:get_value(Id, pids(Sup)).

%% Kills a child and waits until the supervisor has dealt with it.
kill(Sup, Id, Reason) ->
    P = pid_of(Sup, Id),
    Ref = monitor(process, P),
    case Reason of
        kill -> exit(P, kill);
        _ -> ok = gen_server:call(P, {exit, Reason})
    end,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    pause(),
    P.

%% Which children got new pids (restarted) since `Before`.
changed(Before, Sup) ->
    After = pids(Sup),
    [{Id, case proplists:get_value(Id, After) of
              P when P =:= Old -> same;
              P when is_pid(P) -> restarted;
              Other -> Other
          end} || {Id, Old} <- Before].

stop_sup(Sup) ->
    unlink(Sup),
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, _, _, R} -> R end.

terminations() ->
    receive {terminated, N, R} -> [{N, clean(R)} | terminations()] after 0 -> [] end.

flush_exits() ->
    receive {'EXIT', _, R} -> [clean(R) | flush_exits()] after 0 -> [] end.

start() ->
    catch logger:set_primary_config(level, none),
    register(otp_supervisor_test, self()),
    process_flag(trap_exit, true),
    startup(),
    specs(),
    one_for_one(),
    one_for_all(),
    rest_for_one(),
    simple(),
    intensity(),
    management(),
    shutdown_order(),
    retry(),
    nested(),
    slow_shutdown(),
    ok.

startup() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, {one_for_one, 1, 5}, [spec(a), spec(b)]}),
    show(children, supervisor:which_children(S)),
    show(count, supervisor:count_children(S)),
    show(stopped, stop_sup(S)),
    show(named, supervisor:start_link({local, otp_sup_named}, ?MODULE,
                                      {sup, #{}, [spec(a)]})),
    show(named_again, supervisor:start_link({local, otp_sup_named}, ?MODULE,
                                            {sup, #{}, []})),
    show(by_name, supervisor:which_children(otp_sup_named)),
    show(stopped, stop_sup(whereis(otp_sup_named))),
    show(ignore, supervisor:start_link(?MODULE, {sup_ignore})),
    show(bad_init, supervisor:start_link(?MODULE, {sup_bad})),
    show(failed_child, supervisor:start_link(?MODULE, {sup, #{}, [spec(a),
        #{id => b, start => {?MODULE, start_error, []}}]})),
    show(terminated, terminations()),
    show(crashed_child, supervisor:start_link(?MODULE, {sup, #{}, [
        #{id => c, start => {?MODULE, start_crash, []}}]})),
    show(bad_child, supervisor:start_link(?MODULE, {sup, #{}, [
        #{id => c, start => {?MODULE, start_bad, []}}]})),
    {ok, S2} = supervisor:start_link(?MODULE, {sup, #{}, [
        #{id => i, start => {?MODULE, start_ignore, []}},
        #{id => t, start => {?MODULE, start_ignore, []}, restart => temporary}]}),
    show(ignored_children, supervisor:which_children(S2)),
    show(ignored_count, supervisor:count_children(S2)),
    stop_sup(S2),
    _ = flush_exits(),
    ok.

specs() ->
    Bad = [{strategy, #{strategy => sideways}},
           {intensity, #{intensity => -1}},
           {period, #{period => 0}},
           {tuple_flags, {one_for_one, x, 5}}],
    [show(F, supervisor:start_link(?MODULE, {sup, Flags, []})) || {F, Flags} <- Bad],
    BadSpecs = [#{start => {?MODULE, worker, [x]}},
                #{id => x},
                #{id => x, start => {?MODULE, worker, [x]}, restart => sometimes},
                #{id => x, start => {?MODULE, worker, [x]}, shutdown => soon},
                #{id => x, start => {?MODULE, worker, [x]}, type => boss},
                #{id => x, start => {?MODULE, worker, [x]}, modules => nope},
                #{id => x, start => not_mfa},
                {x, {?MODULE, worker, [x]}, permanent, 100, worker},
                not_a_spec],
    [show(bad_spec, supervisor:check_childspecs([Sp])) || Sp <- BadSpecs],
    show(dup, supervisor:check_childspecs([spec(a), spec(a)])),
    show(good, supervisor:check_childspecs([spec(a), {b, {?MODULE, worker, [b]}, transient,
                                                      brutal_kill, worker, dynamic}])),
    show(bad_spec_start, supervisor:start_link(?MODULE, {sup, #{}, [#{id => x}]})),
    show(simple_two_specs, supervisor:start_link(?MODULE, {sup, #{strategy => simple_one_for_one},
                                                           [spec(a), spec(b)]})),
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{}, [
        {a, {?MODULE, worker, [a]}, transient, brutal_kill, worker, [?MODULE]},
        #{id => b, start => {?MODULE, worker, [b]}, type => supervisor}]}),
    show(tuple_child, supervisor:get_childspec(S, a)),
    show(map_child, supervisor:get_childspec(S, b)),
    show(no_child, supervisor:get_childspec(S, zz)),
    show(count, supervisor:count_children(S)),
    stop_sup(S),
    _ = flush_exits(),
    ok.

one_for_one() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{intensity => 10},
        [spec(p), spec(t, transient), spec(tmp, temporary)]}),
    B = pids(S),
    kill(S, p, kill),
    show(permanent_killed, changed(B, S)),
    B2 = pids(S),
    kill(S, p, normal),
    show(permanent_normal, changed(B2, S)),
    B3 = pids(S),
    kill(S, t, shutdown),
    show(transient_shutdown, changed(B3, S)),
    {ok, _} = supervisor:restart_child(S, t),
    B4 = pids(S),
    kill(S, t, {shutdown, x}),
    show(transient_shutdown_tuple, changed(B4, S)),
    {ok, _} = supervisor:restart_child(S, t),
    B5 = pids(S),
    kill(S, t, oops),
    show(transient_abnormal, changed(B5, S)),
    B6 = pids(S),
    kill(S, tmp, oops),
    show(temporary_abnormal, changed(B6, S)),
    show(children, [Id || {Id, _, _, _} <- supervisor:which_children(S)]),
    ok = gen_server:call(pid_of(S, p), {exit, normal}),
    pause(),
    show(exit_via_call, pid_of(S, p) =/= undefined),
    stop_sup(S),
    _ = flush_exits(),
    ok.

one_for_all() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{strategy => one_for_all, intensity => 5},
        [spec(a), spec(b), spec(c, temporary), spec(d)]}),
    B = pids(S),
    kill(S, b, kill),
    show(one_for_all, changed(B, S)),
    show(children, [Id || {Id, _, _, _} <- supervisor:which_children(S)]),
    B2 = pids(S),
    kill(S, d, normal),
    show(one_for_all_normal, changed(B2, S)),
    stop_sup(S),
    _ = flush_exits(),
    ok.

rest_for_one() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{strategy => rest_for_one, intensity => 5},
        [spec(a), spec(b), spec(c), spec(d)]}),
    B = pids(S),
    kill(S, b, kill),
    show(rest_for_one_b, changed(B, S)),
    B2 = pids(S),
    kill(S, d, kill),
    show(rest_for_one_d, changed(B2, S)),
    B3 = pids(S),
    kill(S, a, kill),
    show(rest_for_one_a, changed(B3, S)),
    stop_sup(S),
    _ = flush_exits(),
    ok.

simple() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{strategy => simple_one_for_one, intensity => 5},
        [#{id => ignored_id, start => {?MODULE, worker, []}, restart => transient}]}),
    show(empty, supervisor:which_children(S)),
    show(empty_count, supervisor:count_children(S)),
    {ok, W1} = supervisor:start_child(S, [w1]),
    {ok, W2} = supervisor:start_child(S, [w2, true]),
    show(names, lists:sort([gen_server:call(P, name) || {_, P, _, _} <- supervisor:which_children(S)])),
    show(children, supervisor:which_children(S) -- [{undefined, W1, worker, [?MODULE]}]),
    show(count, supervisor:count_children(S)),
    show(bad_args, supervisor:start_child(S, [w3, true, extra])),
    show(terminate_pid, supervisor:terminate_child(S, W2)),
    show(terminated, terminations()),
    show(terminate_again, supervisor:terminate_child(S, W2)),
    show(terminate_id, supervisor:terminate_child(S, ignored_id)),
    show(delete, supervisor:delete_child(S, ignored_id)),
    show(restart, supervisor:restart_child(S, ignored_id)),
    Ref = monitor(process, W1),
    exit(W1, kill),
    receive {'DOWN', Ref, _, _, _} -> ok end,
    pause(),
    [{undefined, W1b, worker, _}] = supervisor:which_children(S),
    show(restarted, {W1b =/= W1, gen_server:call(W1b, name)}),
    ok = gen_server:call(W1b, {exit, normal}),
    pause(),
    show(transient_normal, supervisor:which_children(S)),
    {ok, _} = supervisor:start_child(S, [w4, true]),
    {ok, _} = supervisor:start_child(S, [w5, true]),
    show(stopped, stop_sup(S)),
    show(terminated, lists:sort(terminations())),
    _ = flush_exits(),
    ok.

intensity() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{intensity => 2, period => 10},
        [spec(a, permanent, true), spec(b)]}),
    kill(S, b, kill),
    kill(S, b, kill),
    show(alive_after_two, is_process_alive(S)),
    _ = terminations(),
    P = pid_of(S, b),
    exit(P, kill),
    show(sup_exit, receive {'EXIT', S, R} -> R after 1000 -> none end),
    show(terminated, terminations()),
    {ok, S2} = supervisor:start_link(?MODULE, {sup, {one_for_one, 0, 1}, [spec(a)]}),
    exit(pid_of(S2, a), kill),
    show(zero_intensity, receive {'EXIT', S2, R2} -> R2 after 1000 -> none end),
    {ok, S3} = supervisor:start_link(?MODULE, {sup, {one_for_one, 0, 1}, [spec(a, temporary)]}),
    exit(pid_of(S3, a), kill),
    pause(),
    show(temporary_no_restart, {is_process_alive(S3), supervisor:which_children(S3)}),
    stop_sup(S3),
    _ = flush_exits(),
    ok.

spec(Id, Restart, Trap) ->
    #{id => Id, start => {?MODULE, worker, [Id, Trap]}, restart => Restart}.

management() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{}, [spec(a, permanent, true)]}),
    show(start_child, supervisor:start_child(S, spec(b, transient, true))),
    show(start_tuple, supervisor:start_child(S, {c, {?MODULE, worker, [c]}, temporary,
                                                 1000, worker, [?MODULE]})),
    show(already_started, supervisor:start_child(S, spec(a))),
    show(start_invalid, supervisor:start_child(S, #{id => z})),
    show(start_error, supervisor:start_child(S, #{id => e, start => {?MODULE, start_error, []}})),
    show(start_bad, supervisor:start_child(S, #{id => e, start => {?MODULE, start_bad, []}})),
    show(start_crash, supervisor:start_child(S, #{id => e, start => {?MODULE, start_crash, []}})),
    show(start_ignore, supervisor:start_child(S, #{id => i, start => {?MODULE, start_ignore, []}})),
    show(children, supervisor:which_children(S)),
    show(count, supervisor:count_children(S)),
    show(delete_running, supervisor:delete_child(S, a)),
    show(restart_running, supervisor:restart_child(S, a)),
    show(terminate, supervisor:terminate_child(S, a)),
    show(terminated, terminations()),
    show(already_present, supervisor:start_child(S, spec(a))),
    show(children, supervisor:which_children(S)),
    show(restart, supervisor:restart_child(S, a)),
    show(terminate_temporary, supervisor:terminate_child(S, c)),
    show(restart_temporary, supervisor:restart_child(S, c)),
    show(terminate_b, supervisor:terminate_child(S, b)),
    show(delete, supervisor:delete_child(S, b)),
    show(delete_again, supervisor:delete_child(S, b)),
    show(terminate_missing, supervisor:terminate_child(S, nope)),
    show(restart_missing, supervisor:restart_child(S, nope)),
    show(restart_ignored, supervisor:restart_child(S, i)),
    show(count, supervisor:count_children(S)),
    show(terminated, terminations()),
    stop_sup(S),
    show(terminated, terminations()),
    _ = flush_exits(),
    ok.

%% Children stop in reverse start order; shutdown timeouts end in kill.
shutdown_order() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{}, [
        spec(first, permanent, true), spec(second, permanent, true),
        #{id => third, start => {?MODULE, worker, [third, true]}, shutdown => brutal_kill},
        #{id => fourth, start => {?MODULE, worker, [fourth, true]}, shutdown => infinity}]}),
    show(stopped, stop_sup(S)),
    show(terminated, terminations()),
    _ = flush_exits(),
    ok.

%% A child that fails to restart is tried again (each try counts).
retry() ->
    Flag = spawn_link(fun() -> flag_loop(ok) end),
    register(otp_supervisor_flag, Flag),
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{intensity => 3, period => 10},
        [#{id => f, start => {?MODULE, start_flaky, [f]}}]}),
    Flag ! {set, fail},
    P = pid_of(S, f),
    exit(P, kill),
    show(gave_up, receive {'EXIT', S, R} -> R after 1000 -> none end),
    unlink(Flag),
    exit(Flag, kill),
    ok.

flag_loop(V) ->
    receive
        {set, V2} -> flag_loop(V2);
        {get, From} -> From ! {flag, V}, flag_loop(V)
    end.

%% A supervisor under a supervisor: each restarts its own children.
nested() ->
    Inner = #{id => inner, type => supervisor,
              start => {supervisor, start_link, [?MODULE, {sup, #{}, [spec(x, permanent, true)]}]}},
    {ok, Top} = supervisor:start_link(?MODULE, {sup, #{intensity => 5}, [Inner, spec(y)]}),
    show(top, supervisor:which_children(Top)),
    show(count, supervisor:count_children(Top)),
    I = pid_of(Top, inner),
    kill(I, x, kill),
    show(inner_restarted_x, [N || {x, P} <- pids(I), N <- [gen_server:call(P, name)]]),
    kill(Top, inner, kill),
    I2 = pid_of(Top, inner),
    show(new_inner, {I2 =/= I, [Id || {Id, P} <- pids(I2), is_pid(P)]}),
    show(terminated, terminations()),
    show(proc_lib_stop, proc_lib:stop(Top)),
    show(alive, {is_process_alive(Top), is_process_alive(I2)}),
    show(terminated, terminations()),
    _ = flush_exits(),
    ok.

%% A child that does not stop within its shutdown time is killed.
slow_shutdown() ->
    {ok, S} = supervisor:start_link(?MODULE, {sup, #{}, [
        #{id => slow, start => {?MODULE, worker, [slow, true]}, shutdown => 50}]}),
    T0 = erlang:monotonic_time(millisecond),
    show(stopped, stop_sup(S)),
    show(quick, erlang:monotonic_time(millisecond) - T0 < 1000),
    show(terminated, terminations()),
    _ = flush_exits(),
    ok.
