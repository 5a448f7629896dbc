%% A message arriving during `receive after T` whose T is in a register
%% (timer:sleep/1) must not disturb the wait. Gluon re-reads T after the
%% wake-up from a register that was not kept, and raises timeout_value
%% (found while writing the OTP behaviours; VM fix pending, hence x_).
-module(x_sleep_wakeup).
-export([start/0]).

start() ->
    Self = self(),
    spawn(fun() -> receive after 10 -> Self ! early end end),
    timer:sleep(60),
    io:format("slept: ~p~n", [receive M -> M after 0 -> none end]),
    spawn(fun() -> receive after 10 -> Self ! early end end),
    wait(60),
    io:format("waited: ~p~n", [receive M2 -> M2 after 0 -> none end]).

wait(T) -> receive after T -> ok end.
