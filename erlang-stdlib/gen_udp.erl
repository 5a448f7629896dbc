%% Gluon's `gen_udp`: UDP sockets as ports over the platform's socket
%% hooks (natives in `gluon_net`); `recv` sleeps until a datagram arrives.
-module(gen_udp).
-export([open/1, open/2, send/3, send/4, recv/2, recv/3, close/1,
         controlling_process/2]).

open(Port) -> open(Port, []).
open(Port, Opts) ->
    try inet:gluon_opts(Opts, {0, 0, 0, 0}) of
        {Active, Bin, _, _, IP} ->
            gluon_net:open(udp, IP, Port, {Active, Bin, 0, 0})
    catch
        _:_ -> {error, einval}
    end.

send(S, {Addr, Port}, Data) -> send(S, Addr, Port, Data).
send(S, Addr, Port, Data) ->
    case inet:gluon_resolve(Addr) of
        {ok, IP} -> gluon_net:sendto(S, IP, Port, Data);
        Error -> Error
    end.

recv(S, Len) -> recv(S, Len, infinity).
recv(S, Len, Timeout) ->
    inet:gluon_retry(fun() -> gluon_net:recv(S, Len) end, S, read, Timeout).

close(S) -> gluon_net:close(S).

controlling_process(S, Pid) -> gluon_net:controlling_process(S, Pid).
