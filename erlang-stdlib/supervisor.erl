%% Gluon's `supervisor`: the supervisor behaviour, written from the OTP
%% documentation and the observed behaviour of OTP; it is a gen_server
%% (so `proc_lib:stop/1,3` and parent exits work as for any server).
%%
%% Supported: `start_link/2,3` (names `{local, Atom}`), supervisor flags
%% as a map or `{Strategy, Intensity, Period}`, strategies `one_for_one`,
%% `one_for_all`, `rest_for_one` and `simple_one_for_one`, child specs as
%% maps or 6-tuples, restart `permanent | transient | temporary`,
%% shutdown `brutal_kill | Milliseconds | infinity`, restart intensity
%% (exceeded: all children are shut down and the supervisor exits with
%% `shutdown`), a child that fails to restart is retried later (each try
%% counts as a restart), `start_child/2`, `terminate_child/2`,
%% `delete_child/2`, `restart_child/2`, `which_children/1`,
%% `count_children/1`, `get_childspec/2`, `check_childspecs/1`.
%%
%% Not done: `auto_shutdown` other than `never` and `significant` children
%% (rejected as invalid), `{global, _}`/`{via, _, _}` names (`notsup`,
%% see gen_server), `sys`/`code_change`, and reports: OTP's logger prints
%% supervisor and crash reports, Gluon prints nothing.
-module(supervisor).
-behaviour(gen_server).
-export([start_link/2, start_link/3, start_child/2, terminate_child/2, delete_child/2,
         restart_child/2, which_children/1, count_children/1, get_childspec/2,
         check_childspecs/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

-callback init(Args :: term()) -> {ok, {term(), [term()]}} | ignore.

%%% API

start_link(Mod, Args) ->
    _ = callbacks(),
    gen_server:start_link(?MODULE, {self, Mod, Args}, []).
start_link(SupName, Mod, Args) ->
    _ = callbacks(),
    gen_server:start_link(SupName, ?MODULE, {SupName, Mod, Args}, []).

%% gen_server calls these dynamically; naming them here is what makes
%% firmware's library pruner (which follows calls and `fun F/A`) keep them.
callbacks() ->
    [fun init/1, fun handle_call/3, fun handle_cast/2, fun handle_info/2, fun terminate/2].

start_child(Sup, SpecOrArgs) -> call(Sup, {start_child, SpecOrArgs}).
terminate_child(Sup, Id) -> call(Sup, {terminate_child, Id}).
delete_child(Sup, Id) -> call(Sup, {delete_child, Id}).
restart_child(Sup, Id) -> call(Sup, {restart_child, Id}).
which_children(Sup) -> call(Sup, which_children).
count_children(Sup) -> call(Sup, count_children).
get_childspec(Sup, Id) -> call(Sup, {get_childspec, Id}).

call(Sup, Req) -> gen_server:call(Sup, Req, infinity).

check_childspecs(Specs) when is_list(Specs) ->
    case check_specs(Specs, []) of
        {ok, _} -> ok;
        Error -> Error
    end;
check_childspecs(X) -> {error, {badarg, X}}.

%%% Flags and child specs

%% A child: a map with the spec keys plus `pid` (a pid, `undefined` or
%% `restarting`). Children are kept in start order.
check_flags({Strategy, Intensity, Period}) ->
    check_flags(#{strategy => Strategy, intensity => Intensity, period => Period});
check_flags(Flags) when is_map(Flags) ->
    Strategy = maps:get(strategy, Flags, one_for_one),
    Intensity = maps:get(intensity, Flags, 1),
    Period = maps:get(period, Flags, 5),
    AutoShutdown = maps:get(auto_shutdown, Flags, never),
    if
        Strategy =/= one_for_one, Strategy =/= one_for_all,
        Strategy =/= rest_for_one, Strategy =/= simple_one_for_one ->
            {error, {invalid_strategy, Strategy}};
        not is_integer(Intensity); Intensity < 0 ->
            {error, {invalid_intensity, Intensity}};
        not is_integer(Period); Period < 1 ->
            {error, {invalid_period, Period}};
        AutoShutdown =/= never ->
            {error, {invalid_auto_shutdown, AutoShutdown}};
        true ->
            {ok, Strategy, Intensity, Period}
    end;
check_flags(Other) ->
    {error, {invalid_type, Other}}.

check_specs([], Acc) -> {ok, lists:reverse(Acc)};
check_specs([Spec | Rest], Acc) ->
    case check_spec(Spec) of
        {ok, #{id := Id} = Child} ->
            case [C || #{id := I} = C <- Acc, I =:= Id] of
                [] -> check_specs(Rest, [Child | Acc]);
                _ -> {error, {duplicate_child_name, Id}}
            end;
        Error ->
            Error
    end.

check_spec({Id, Start, Restart, Shutdown, Type, Modules}) ->
    check_spec(#{id => Id, start => Start, restart => Restart, shutdown => Shutdown,
                 type => Type, modules => Modules});
check_spec(#{} = Spec) ->
    case {maps:is_key(id, Spec), maps:find(start, Spec)} of
        {false, _} -> {error, missing_id};
        {_, error} -> {error, missing_start};
        {true, {ok, Start}} ->
            Type = maps:get(type, Spec, worker),
            DefaultShutdown = case Type of
                                  supervisor -> infinity;
                                  _ -> 5000
                              end,
            Child = #{id => maps:get(id, Spec),
                      start => Start,
                      restart => maps:get(restart, Spec, permanent),
                      shutdown => maps:get(shutdown, Spec, DefaultShutdown),
                      type => Type,
                      modules => maps:get(modules, Spec, default_modules(Start)),
                      significant => maps:get(significant, Spec, false),
                      pid => undefined},
            validate(Child)
    end;
check_spec(Other) ->
    {error, {invalid_child_spec, Other}}.

default_modules({M, _, _}) -> [M];
default_modules(_) -> [].

validate(#{start := Start, restart := Restart, shutdown := Shutdown, type := Type,
           modules := Modules, significant := Significant} = Child) ->
    case Start of
        {M, F, A} when is_atom(M), is_atom(F), is_list(A) ->
            if
                Restart =/= permanent, Restart =/= transient, Restart =/= temporary ->
                    {error, {invalid_restart_type, Restart}};
                Type =/= worker, Type =/= supervisor ->
                    {error, {invalid_child_type, Type}};
                Shutdown =/= brutal_kill, Shutdown =/= infinity,
                not (is_integer(Shutdown) andalso Shutdown >= 0) ->
                    {error, {invalid_shutdown, Shutdown}};
                Significant =/= false ->
                    {error, {invalid_significant, Significant}};
                true ->
                    case valid_modules(Modules) of
                        true -> {ok, Child};
                        false -> {error, {invalid_modules, Modules}}
                    end
            end;
        _ ->
            {error, {invalid_mfa, Start}}
    end.

valid_modules(dynamic) -> true;
valid_modules(L) when is_list(L) -> lists:all(fun erlang:is_atom/1, L);
valid_modules(_) -> false.

%%% gen_server callbacks

init({_Name, Mod, Args}) ->
    process_flag(trap_exit, true),
    case Mod:init(Args) of
        {ok, {Flags, Specs}} when is_list(Specs) ->
            case check_flags(Flags) of
                {ok, Strategy, Intensity, Period} ->
                    State = #{mod => Mod, args => Args, strategy => Strategy,
                              intensity => Intensity, period => Period,
                              restarts => [], children => [], dynamic => #{}},
                    init_children(Strategy, Specs, State);
                {error, Reason} ->
                    {stop, {supervisor_data, Reason}}
            end;
        ignore ->
            ignore;
        Other ->
            {stop, {bad_return, {Mod, init, Other}}}
    end.

init_children(simple_one_for_one, [Spec], State) ->
    case check_specs([Spec], []) of
        {ok, [Child]} -> {ok, State#{children := [Child]}};
        {error, Reason} -> {stop, {start_spec, Reason}}
    end;
init_children(simple_one_for_one, Specs, _State) ->
    {stop, {bad_start_spec, Specs}};
init_children(_, Specs, State) ->
    case check_specs(Specs, []) of
        {ok, Children} ->
            case start_all(Children, []) of
                {ok, Started} ->
                    {ok, State#{children := Started}};
                {error, Id, Reason, Started} ->
                    shutdown_all(Started),
                    {stop, {shutdown, {failed_to_start_child, Id, Reason}}}
            end;
        {error, Reason} ->
            {stop, {start_spec, Reason}}
    end.

%% Starts children in order; on a failure, returns the ones started.
start_all([], Acc) -> {ok, lists:reverse(Acc)};
start_all([#{id := Id, start := MFA} = C | Rest], Acc) ->
    case start_mfa(MFA) of
        {ok, Pid, _} -> start_all(Rest, [C#{pid := Pid} | Acc]);
        ignore -> start_all(Rest, keep_ignored(C, Acc));
        {error, Reason} -> {error, Id, Reason, lists:reverse(Acc)}
    end.

%% A temporary child that returns `ignore` is forgotten.
keep_ignored(#{restart := temporary}, Acc) -> Acc;
keep_ignored(C, Acc) -> [C#{pid := undefined} | Acc].

%% Runs a start function: `{ok, Pid, Info | none}`, `ignore` or
%% `{error, Reason}`.
start_mfa({M, F, A}) ->
    try apply(M, F, A) of
        Ret -> start_result(Ret)
    catch
        %% As OTP: the reason of a start function that raised is what
        %% `catch` makes of it.
        throw:Ret -> start_result(Ret);
        exit:R -> {error, {'EXIT', R}};
        error:R:St -> {error, {'EXIT', {R, St}}}
    end.

%% OTP's error for a dynamically added child that failed to start carries
%% its internal child record; callers may match on it, so it is rebuilt.
child_record(#{id := Id, start := MFA, restart := R, significant := Sig,
               shutdown := Sh, type := T, modules := M}) ->
    {child, undefined, Id, MFA, R, Sig, Sh, T, M}.

start_result({ok, Pid}) when is_pid(Pid) -> {ok, Pid, none};
start_result({ok, Pid, Info}) when is_pid(Pid) -> {ok, Pid, {info, Info}};
start_result(ignore) -> ignore;
start_result({ok, undefined}) -> ignore;
start_result({error, _} = Error) -> Error;
start_result(Other) -> {error, Other}.

started({ok, Pid, none}) -> {ok, Pid};
started({ok, Pid, {info, Info}}) -> {ok, Pid, Info};
started(ignore) -> {ok, undefined};
started(Error) -> Error.

handle_call({start_child, Extra}, _From, #{strategy := simple_one_for_one} = S) ->
    #{children := [#{start := {M, F, A}}]} = S,
    Result = start_mfa({M, F, A ++ Extra}),
    S2 = case Result of
             {ok, Pid, _} -> add_dynamic(Pid, A ++ Extra, S);
             _ -> S
         end,
    {reply, started(Result), S2};
handle_call({start_child, Spec}, _From, S) ->
    case check_spec(Spec) of
        {ok, #{id := Id} = Child} ->
            case find(Id, S) of
                #{pid := Pid} when is_pid(Pid) ->
                    {reply, {error, {already_started, Pid}}, S};
                #{} ->
                    {reply, {error, already_present}, S};
                false ->
                    case start_mfa(maps:get(start, Child)) of
                        {ok, Pid, _} = Result ->
                            {reply, started(Result), append(Child#{pid := Pid}, S)};
                        ignore ->
                            {reply, {ok, undefined}, append_ignored(Child, S)};
                        {error, Reason} ->
                            {reply, {error, {Reason, child_record(Child)}}, S}
                    end
            end;
        Error ->
            {reply, Error, S}
    end;
handle_call({terminate_child, Pid}, _From, #{strategy := simple_one_for_one} = S) ->
    case is_pid(Pid) andalso maps:is_key(Pid, maps:get(dynamic, S)) of
        true ->
            [#{shutdown := Shutdown}] = maps:get(children, S),
            shutdown(Pid, Shutdown),
            {reply, ok, remove_dynamic(Pid, S)};
        false when is_pid(Pid) ->
            %% OTP answers `ok` for a process that is already gone.
            case is_process_alive(Pid) of
                true -> {reply, {error, not_found}, S};
                false -> {reply, ok, S}
            end;
        false ->
            {reply, {error, simple_one_for_one}, S}
    end;
handle_call({terminate_child, Id}, _From, S) ->
    case find(Id, S) of
        false ->
            {reply, {error, not_found}, S};
        #{restart := temporary} = C ->
            stop_child(C),
            {reply, ok, remove(Id, S)};
        C ->
            stop_child(C),
            {reply, ok, update(C#{pid := undefined}, S)}
    end;
handle_call({delete_child, _}, _From, #{strategy := simple_one_for_one} = S) ->
    {reply, {error, simple_one_for_one}, S};
handle_call({delete_child, Id}, _From, S) ->
    case find(Id, S) of
        false -> {reply, {error, not_found}, S};
        #{pid := restarting} -> {reply, {error, restarting}, S};
        #{pid := Pid} when is_pid(Pid) -> {reply, {error, running}, S};
        _ -> {reply, ok, remove(Id, S)}
    end;
handle_call({restart_child, _}, _From, #{strategy := simple_one_for_one} = S) ->
    {reply, {error, simple_one_for_one}, S};
handle_call({restart_child, Id}, _From, S) ->
    case find(Id, S) of
        false ->
            {reply, {error, not_found}, S};
        #{pid := Pid} when is_pid(Pid) ->
            {reply, {error, running}, S};
        #{pid := restarting} ->
            {reply, {error, restarting}, S};
        #{start := MFA} = C ->
            Result = start_mfa(MFA),
            S2 = case Result of
                     {ok, Pid, _} -> update(C#{pid := Pid}, S);
                     _ -> S
                 end,
            {reply, started(Result), S2}
    end;
handle_call({get_childspec, Id}, _From, S) ->
    Spec = fun(C) -> {ok, maps:remove(pid, C)} end,
    case S of
        #{strategy := simple_one_for_one, children := [C]} ->
            case is_pid(Id) andalso maps:is_key(Id, maps:get(dynamic, S)) of
                true -> {reply, Spec(C#{id := undefined}), S};
                false -> {reply, {error, not_found}, S}
            end;
        _ ->
            case find(Id, S) of
                false -> {reply, {error, not_found}, S};
                C -> {reply, Spec(C), S}
            end
    end;
handle_call(which_children, _From, #{strategy := simple_one_for_one} = S) ->
    #{children := [#{type := Type, modules := Mods}], dynamic := D} = S,
    {reply, [{undefined, P, Type, Mods} || P <- dyn_pids(D)], S};
handle_call(which_children, _From, #{children := Children} = S) ->
    %% Newest first, as OTP lists them.
    {reply, [{Id, P, T, M} || #{id := Id, pid := P, type := T, modules := M}
                                  <- lists:reverse(Children)], S};
handle_call(count_children, _From, #{strategy := simple_one_for_one} = S) ->
    #{children := [#{type := Type}], dynamic := D} = S,
    N = map_size(D),
    Active = length([P || P <- dyn_pids(D), is_process_alive(P)]),
    {reply, counts(1, Active, Type, N), S};
handle_call(count_children, _From, #{children := Children} = S) ->
    Specs = length(Children),
    Active = length([P || #{pid := P} <- Children, is_pid(P), is_process_alive(P)]),
    Sups = length([C || #{type := supervisor} = C <- Children]),
    {reply, [{specs, Specs}, {active, Active}, {supervisors, Sups},
             {workers, Specs - Sups}], S};
handle_call(_Other, _From, S) ->
    {reply, {error, badarg}, S}.

counts(Specs, Active, supervisor, N) ->
    [{specs, Specs}, {active, Active}, {supervisors, N}, {workers, 0}];
counts(Specs, Active, worker, N) ->
    [{specs, Specs}, {active, Active}, {supervisors, 0}, {workers, N}].

handle_cast({try_again_restart, Key}, S) ->
    case restarting_child(Key, S) of
        false -> {noreply, S};
        C -> add_restart(C, S)
    end;
handle_cast(_, S) ->
    {noreply, S}.

handle_info({'EXIT', Pid, Reason}, S) ->
    case child_of(Pid, S) of
        false -> {noreply, S};
        C -> child_exited(C, Reason, S)
    end;
handle_info(_, S) ->
    {noreply, S}.

terminate(_Reason, #{strategy := simple_one_for_one, children := [C], dynamic := D}) ->
    shutdown_dynamic(dyn_pids(D), maps:get(shutdown, C));
terminate(_Reason, #{children := Children}) ->
    shutdown_all(Children).

%%% Exits and restarts

child_exited(#{restart := Restart} = C, Reason, S) ->
    case needs_restart(Restart, Reason) of
        false -> {noreply, forget(C, S)};
        true -> add_restart(C, S)
    end.

needs_restart(permanent, _) -> true;
needs_restart(temporary, _) -> false;
needs_restart(transient, normal) -> false;
needs_restart(transient, shutdown) -> false;
needs_restart(transient, {shutdown, _}) -> false;
needs_restart(transient, _) -> true.

%% A child that will not be restarted: temporary ones are forgotten.
forget(#{pid := Pid}, #{strategy := simple_one_for_one} = S) ->
    remove_dynamic(Pid, S);
forget(#{id := Id, restart := temporary}, S) ->
    remove(Id, S);
forget(C, S) ->
    update(C#{pid := undefined}, S).

%% Counts a restart; too many within the period shut the supervisor down.
add_restart(C, #{intensity := Max, period := Period, restarts := Rs} = S) ->
    Now = erlang:monotonic_time(second),
    Recent = [T || T <- [Now | Rs], Now - T =< Period],
    case length(Recent) > Max of
        true -> {stop, shutdown, forget(C, S#{restarts := Recent})};
        false -> restart(C, S#{restarts := Recent})
    end.

restart(C, #{strategy := simple_one_for_one} = S) ->
    #{pid := OldPid, args := Args} = C,
    [#{start := {M, F, _}}] = maps:get(children, S),
    S1 = remove_dynamic(OldPid, S),
    case start_mfa({M, F, Args}) of
        {ok, Pid, _} ->
            {noreply, add_dynamic(Pid, Args, S1)};
        ignore ->
            {noreply, S1};
        {error, _} ->
            Key = {restarting, make_ref()},
            S2 = S1#{dynamic := maps:put(Key, Args, maps:get(dynamic, S1))},
            gen_server:cast(self(), {try_again_restart, Key}),
            {noreply, S2}
    end;
restart(#{id := Id} = C, #{strategy := one_for_one} = S) ->
    restart_group([C], S#{children := replace(Id, C, S)});
restart(#{id := Id} = C, #{strategy := one_for_all, children := Children} = S) ->
    restart_group(others_stopped(Id, Children), S#{children := replace(Id, C, S)});
restart(#{id := Id} = C, #{strategy := rest_for_one, children := Children} = S) ->
    {_Before, [_ | After]} = lists:splitwith(fun(#{id := I}) -> I =/= Id end, Children),
    Stopped = stop_children(lists:reverse(After)),
    restart_group([C | lists:reverse(Stopped)], S).

%% Stops every other child (in reverse start order) and returns all the
%% children to restart, in start order.
others_stopped(Id, Children) ->
    Others = [X || #{id := I} = X <- lists:reverse(Children), I =/= Id],
    Stopped = stop_children(Others),
    StoppedIds = [I || #{id := I} <- Stopped],
    [X || #{id := I} = X <- Children, I =:= Id orelse lists:member(I, StoppedIds)].

%% Shuts children down; returns them in the reverse order.
stop_children(Children) ->
    lists:foldl(fun(C, Acc) -> stop_child(C), [C | Acc] end, [], Children).

%% Restarts children in order. Temporary ones (stopped because another
%% child failed) are dropped; a failure marks the child `restarting` and asks
%% for another try later.
restart_group([], S) ->
    {noreply, S};
restart_group([#{id := Id, restart := temporary} | Rest], S) ->
    restart_group(Rest, remove(Id, S));
restart_group([#{id := Id, start := MFA} = C | Rest], S) ->
    case start_mfa(MFA) of
        {ok, Pid, _} ->
            restart_group(Rest, update(C#{pid := Pid}, S));
        ignore ->
            restart_group(Rest, update(C#{pid := undefined}, S));
        {error, _} ->
            S2 = lists:foldl(fun(#{id := I} = X, Acc) ->
                                     case lists:member(I, [Id | [J || #{id := J} <- Rest]]) of
                                         true -> update(X#{pid := restarting}, Acc);
                                         false -> Acc
                                     end
                             end, S, maps:get(children, S)),
            gen_server:cast(self(), {try_again_restart, Id}),
            {noreply, S2}
    end.

restarting_child({restarting, _} = Key, #{dynamic := D}) ->
    case maps:find(Key, D) of
        {ok, Args} -> #{pid => Key, args => Args};
        error -> false
    end;
restarting_child(Id, S) ->
    case find(Id, S) of
        #{pid := restarting} = C -> C;
        _ -> false
    end.

%%% Shutting children down

stop_child(#{pid := Pid, shutdown := Shutdown}) when is_pid(Pid) ->
    shutdown(Pid, Shutdown);
stop_child(_) ->
    ok.

shutdown_all(Children) ->
    [stop_child(C) || C <- lists:reverse(Children)],
    ok.

%% Stops one child: `shutdown` (then `kill` after the timeout), or `kill`
%% for brutal_kill. Monitoring before unlinking catches a child that has
%% already died.
shutdown(Pid, Shutdown) ->
    Ref = erlang:monitor(process, Pid),
    unlink(Pid),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
    case Shutdown of
        brutal_kill ->
            exit(Pid, kill),
            wait_down(Ref, infinity, Pid);
        infinity ->
            exit(Pid, shutdown),
            wait_down(Ref, infinity, Pid);
        T ->
            exit(Pid, shutdown),
            wait_down(Ref, T, Pid)
    end.

wait_down(Ref, Timeout, Pid) ->
    receive
        {'DOWN', Ref, process, _, _} -> ok
    after Timeout ->
            exit(Pid, kill),
            receive {'DOWN', Ref, process, _, _} -> ok end
    end.

%% simple_one_for_one children stop together.
shutdown_dynamic(Pids, Shutdown) ->
    Refs = [begin
                Ref = erlang:monitor(process, P),
                unlink(P),
                exit(P, case Shutdown of brutal_kill -> kill; _ -> shutdown end),
                {P, Ref}
            end || P <- Pids],
    Timeout = case Shutdown of brutal_kill -> infinity; T -> T end,
    [wait_down(Ref, Timeout, P) || {P, Ref} <- Refs],
    ok.

%%% Child bookkeeping

find(Id, #{children := Children}) ->
    case [C || #{id := I} = C <- Children, I =:= Id] of
        [C] -> C;
        [] -> false
    end.

child_of(Pid, #{strategy := simple_one_for_one, dynamic := D, children := [T]}) ->
    case maps:find(Pid, D) of
        {ok, Args} -> #{pid => Pid, args => Args, restart => maps:get(restart, T)};
        error -> false
    end;
child_of(Pid, #{children := Children}) ->
    case [C || #{pid := P} = C <- Children, P =:= Pid] of
        [C] -> C;
        [] -> false
    end.

add_dynamic(Pid, Args, #{dynamic := D} = S) ->
    S#{dynamic := maps:put(Pid, Args, D)}.

remove_dynamic(Pid, #{dynamic := D} = S) ->
    S#{dynamic := maps:remove(Pid, D)}.

dyn_pids(D) -> [P || P <- maps:keys(D), is_pid(P)].

append(C, #{children := Children} = S) -> S#{children := Children ++ [C]}.

append_ignored(#{restart := temporary}, S) -> S;
append_ignored(C, S) -> append(C#{pid := undefined}, S).

update(#{id := Id} = C, S) -> S#{children := replace(Id, C, S)}.

replace(Id, C, #{children := Children}) ->
    [case I of Id -> C; _ -> X end || #{id := I} = X <- Children].

remove(Id, #{children := Children} = S) ->
    S#{children := [X || #{id := I} = X <- Children, I =/= Id]}.
