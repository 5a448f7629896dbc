%% The Erlang half of an event-driven firmware (a POS terminal, an
%% industrial controller): a server process registered as sensor_srv gets
%% readings that C code sends through Gluon's event queue, keeps a running
%% state, and answers through actuator:set/2, a native function the
%% firmware registers from C. A gen_server's shape, written as a loop:
%% {reading, Channel, Value} casts, {call, From, Request} calls.
-module(sensor_srv).
-export([start/0]).

-define(LIMIT, 800).

start() ->
    register(sensor_srv, self()),
    io:format("sensor_srv: ready~n"),
    loop(#{count => 0, sum => 0, alarms => 0}).

loop(State) ->
    receive
        {reading, Channel, Value} ->
            loop(handle_reading(Channel, Value, State));
        {stop, Reason} ->
            #{count := N, sum := Sum, alarms := A} = State,
            io:format("sensor_srv: ~p readings, mean ~p, ~p alarms (~p)~n",
                      [N, Sum div max(N, 1), A, Reason]),
            %% the last word goes to the firmware, through the native
            actuator:set(done, N)
    end.

handle_reading(Channel, Value, #{count := N, sum := Sum, alarms := A} = State)
        when Value > ?LIMIT ->
    ok = actuator:set(Channel, off),
    io:format("sensor_srv: channel ~p at ~p, over ~p: off~n", [Channel, Value, ?LIMIT]),
    State#{count := N + 1, sum := Sum + Value, alarms := A + 1};
handle_reading(_Channel, Value, #{count := N, sum := Sum} = State) ->
    State#{count := N + 1, sum := Sum + Value}.
