%% Gluon's `uart`, following AtomVM's API: `open/1,2` give a port handle
%% ("UART0", "UART1"... or `{peripheral, Name}`); `read/1` waits for data
%% (checking every few milliseconds: the peripheral hooks have no
%% readiness events), `read/2` for at most Timeout ms. Speed, pins and
%% framing are the board's configuration. Natives in `gluon_hal`.
-module(uart).
-export([open/1, open/2, close/1, write/2, read/1, read/2]).

open(Opts) -> open(proplists:get_value(peripheral, Opts, "UART0"), Opts).
open(Name, _Opts) -> {'$uart', number(Name)}.

number(N) when is_integer(N) -> N;
number(B) when is_binary(B) -> number(binary_to_list(B));
number("UART" ++ N) -> list_to_integer(N);
number("uart" ++ N) -> list_to_integer(N).

close(_UART) -> ok.

write({'$uart', N} = U, Data) ->
    Bin = iolist_to_binary(Data),
    case gluon_hal:uart_write(N, Bin) of
        {ok, Sent} when Sent =:= byte_size(Bin) -> ok;
        {ok, Sent} ->
            timer:sleep(1),
            <<_:Sent/binary, Rest/binary>> = Bin,
            write(U, Rest);
        Error -> Error
    end.

read(U) -> read(U, infinity).

read({'$uart', N}, Timeout) -> wait_read(N, Timeout, 1).

wait_read(N, Timeout, Nap) ->
    case gluon_hal:uart_read(N, 256) of
        {ok, <<>>} when Timeout =:= infinity ->
            timer:sleep(Nap),
            wait_read(N, Timeout, min(2 * Nap, 16));
        {ok, <<>>} when Timeout =< 0 -> {error, timeout};
        {ok, <<>>} ->
            T = min(Nap, Timeout),
            timer:sleep(T),
            wait_read(N, Timeout - T, min(2 * Nap, 16));
        Other -> Other
    end.
