%% Timers: erlang:send_after/start_timer/cancel_timer/read_timer, the
%% timer module, and receive timeouts, firing in deadline order.
-module(sched_timers).
-export([start/0, id/1]).

id(X) -> X.

collect(0) -> [];
collect(N) -> receive M -> [M | collect(N - 1)] after 500 -> [timeout] end.

start() ->
    %% Created out of order, delivered in deadline order.
    erlang:send_after(30, self(), third),
    erlang:send_after(10, self(), first),
    erlang:send_after(20, self(), second),
    io:format("order: ~p~n", [collect(3)]),

    R = erlang:start_timer(10, self(), hello),
    receive {timeout, R, Msg} -> io:format("start_timer: ~p ref matches~n", [Msg]) end,

    C = erlang:send_after(1000, self(), never),
    Left = erlang:read_timer(C),
    io:format("read_timer: ~p~n", [is_integer(Left) andalso Left > 0 andalso Left =< 1000]),
    Rem = erlang:cancel_timer(C),
    io:format("cancel_timer: ~p~n", [is_integer(Rem) andalso Rem > 0]),
    io:format("cancel again: ~p~n", [erlang:cancel_timer(C)]),
    io:format("read cancelled: ~p~n", [erlang:read_timer(C)]),
    receive never -> io:format("cancelled timer fired!~n") after 30 -> io:format("cancelled timer silent~n") end,

    io:format("after 0 empty: ~p~n", [receive x -> x after 0 -> nothing end]),
    self() ! y,
    io:format("after 0 ready: ~p~n", [receive y -> got_y after 0 -> nothing end]),
    T0 = erlang:monotonic_time(millisecond),
    receive z -> z after 25 -> ok end,
    io:format("after 25 waited: ~p~n", [erlang:monotonic_time(millisecond) - T0 >= 25]),

    ok = timer:sleep(15),
    {ok, _} = timer:send_after(5, self(), via_timer),
    io:format("timer:send_after: ~p~n", [receive via_timer -> ok after 500 -> missing end]),
    Me = self(),
    {ok, _} = timer:apply_after(5, erlang, send, [Me, applied]),
    io:format("timer:apply_after: ~p~n", [receive applied -> ok after 500 -> missing end]),
    {ok, TRef} = timer:send_interval(10, self(), tick),
    Ticks = [receive tick -> tick after 500 -> missing end || _ <- [1, 2, 3]],
    io:format("interval ticks: ~p~n", [Ticks]),
    {ok, cancel} = timer:cancel(TRef),
    flush(tick),
    io:format("after cancel: ~p~n", [receive tick -> tick after 40 -> silent end]),

    %% A timer to a registered name, and to a dead process.
    register(sched_timers_target, self()),
    erlang:send_after(5, sched_timers_target, by_name),
    io:format("by name: ~p~n", [receive by_name -> ok after 500 -> missing end]),
    Dead = spawn(fun() -> ok end),
    erlang:send_after(5, Dead, lost),
    receive after 20 -> ok end,
    io:format("monotonic increases: ~p~n", [erlang:monotonic_time() =< erlang:monotonic_time()]),
    U1 = erlang:unique_integer([positive, monotonic]),
    U2 = erlang:unique_integer([positive, monotonic]),
    io:format("unique increasing: ~p~n", [U1 > 0 andalso U2 > U1]),
    io:format("badarg timer: ~p~n", [bad_timer(id(-1))]),
    ok.

bad_timer(T) ->
    try erlang:send_after(T, self(), x) of
        _ -> accepted
    catch
        C:E -> {C, E}
    end.

flush(M) -> receive M -> flush(M) after 0 -> ok end.
