%% Gluon's `timer` module, built on the VM's own timers
%% (`erlang:send_after/3`) instead of a timer server process: a timer
%% reference here is `{send_local, Ref}` for one-shot sends and
%% `{interval, Pid}` for intervals, and `cancel/1` understands both.
-module(timer).
-export([sleep/1, send_after/2, send_after/3, apply_after/4,
         send_interval/2, send_interval/3, apply_interval/4, cancel/1,
         exit_after/2, exit_after/3, kill_after/1, kill_after/2,
         tc/1, tc/2, tc/3, seconds/1, minutes/1, hours/1, hms/3,
         now_diff/2]).

sleep(T) when is_integer(T), T >= 0; T =:= infinity ->
    receive after T -> ok end.

send_after(T, Msg) -> send_after(T, self(), Msg).
send_after(T, Dest, Msg) when is_integer(T), T >= 0 ->
    {ok, {send_local, erlang:send_after(T, Dest, Msg)}};
send_after(_, _, _) -> {error, badarg}.

apply_after(T, M, F, A) when is_integer(T), T >= 0, is_atom(M), is_atom(F), is_list(A) ->
    Pid = spawn(fun() -> receive after T -> apply(M, F, A) end end),
    {ok, {once, Pid}};
apply_after(_, _, _, _) -> {error, badarg}.

exit_after(T, Reason) -> exit_after(T, self(), Reason).
exit_after(T, Pid, Reason) -> apply_after(T, erlang, exit, [Pid, Reason]).
kill_after(T) -> exit_after(T, self(), kill).
kill_after(T, Pid) -> exit_after(T, Pid, kill).

send_interval(T, Msg) -> send_interval(T, self(), Msg).
send_interval(T, Dest, Msg) when is_integer(T), T >= 0 ->
    start_interval(T, Dest, fun() -> Dest ! Msg end);
send_interval(_, _, _) -> {error, badarg}.

apply_interval(T, M, F, A) when is_integer(T), T >= 0 ->
    start_interval(T, self(), fun() -> apply(M, F, A) end);
apply_interval(_, _, _, _) -> {error, badarg}.

%% An interval runs in a helper process linked to the owner, so it stops
%% when the owner dies (as OTP's timer server arranges).
start_interval(T, Owner, Action) ->
    Pid = spawn(fun() ->
                        OwnerPid = if is_pid(Owner) -> Owner; true -> whereis(Owner) end,
                        if is_pid(OwnerPid) -> link(OwnerPid); true -> ok end,
                        interval_loop(T, Action)
                end),
    {ok, {interval, Pid}}.

interval_loop(T, Action) ->
    receive
        cancel -> ok
    after T ->
            Action(),
            interval_loop(T, Action)
    end.

cancel({send_local, Ref}) ->
    erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({once, Pid}) ->
    exit(Pid, kill),
    {ok, cancel};
cancel({interval, Pid}) ->
    Pid ! cancel,
    {ok, cancel};
cancel(_) ->
    {error, badarg}.

tc(F) ->
    T0 = erlang:monotonic_time(microsecond),
    V = F(),
    {erlang:monotonic_time(microsecond) - T0, V}.
tc(F, A) ->
    T0 = erlang:monotonic_time(microsecond),
    V = apply(F, A),
    {erlang:monotonic_time(microsecond) - T0, V}.
tc(M, F, A) ->
    T0 = erlang:monotonic_time(microsecond),
    V = apply(M, F, A),
    {erlang:monotonic_time(microsecond) - T0, V}.

seconds(S) -> 1000 * S.
minutes(M) -> 60 * seconds(M).
hours(H) -> 60 * minutes(H).
hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

now_diff({A2, B2, C2}, {A1, B1, C1}) ->
    ((A2 - A1) * 1000000 + B2 - B1) * 1000000 + C2 - C1.
