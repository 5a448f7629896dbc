%% Blinks the board's led0 from Erlang through the gpio module: pin 0 is
%% the led0 alias (CONFIG_GLUON_GPIO). Boards without it answer
%% {error, enoent}, and the sample prints the changes all the same.
-module(blinky).
-export([start/0]).

-define(LED, 0).
-define(TOGGLES, 10).
-define(PERIOD_MS, 250).

start() ->
    io:format("blinky: ~p toggles every ~p ms~n", [?TOGGLES, ?PERIOD_MS]),
    Board = case gpio:set_pin_mode(?LED, output) of
                ok -> "";
                {error, Why} -> io_lib:format(", no LED on this board: ~p", [Why])
            end,
    loop(high, 1, Board).

loop(_, N, _) when N > ?TOGGLES ->
    io:format("blinky: done~n");
loop(Level, N, Board) ->
    R = gpio:digital_write(?LED, Level),
    true = R =:= ok orelse Board =/= "",
    io:format("led0 ~s (change ~p~s)~n", [name(Level), N, Board]),
    timer:sleep(?PERIOD_MS),
    loop(toggle(Level), N + 1, Board).

name(high) -> "on";
name(low) -> "off".

toggle(high) -> low;
toggle(low) -> high.
