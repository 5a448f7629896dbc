%% Gluon's `gen_tcp`: TCP sockets as ports over the platform's socket
%% hooks (natives in `gluon_net`). Calls that wait (connect, accept,
%% recv, send into a full buffer) sleep in a `receive` until the VM
%% reports the socket ready, so other processes run meanwhile.
-module(gen_tcp).
-export([connect/3, connect/4, listen/2, accept/1, accept/2, send/2,
         recv/2, recv/3, close/1, controlling_process/2, shutdown/2]).

connect(Addr, Port, Opts) -> connect(Addr, Port, Opts, infinity).

connect(Addr, Port, Opts, Timeout) ->
    try
        {ok, IP} = inet:gluon_resolve(Addr),
        {inet:gluon_opts(Opts, any), IP}
    of
        {{Active, Bin, Packet, _, _}, To} ->
            case gluon_net:open(connect, To, Port, {Active, Bin, Packet, 0}) of
                {ok, S} ->
                    case inet:gluon_retry(fun() -> gluon_net:connected(S) end,
                                          S, write, Timeout) of
                        ok -> {ok, S};
                        Error -> gluon_net:close(S), Error
                    end;
                Error -> Error
            end
    catch
        error:{badmatch, {error, Why}} -> {error, Why};
        _:_ -> {error, einval}
    end.

listen(Port, Opts) ->
    try inet:gluon_opts(Opts, {0, 0, 0, 0}) of
        {Active, Bin, Packet, Backlog, IP} ->
            gluon_net:open(listen, IP, Port, {Active, Bin, Packet, Backlog})
    catch
        _:_ -> {error, einval}
    end.

accept(L) -> accept(L, infinity).
accept(L, Timeout) ->
    inet:gluon_retry(fun() -> gluon_net:accept(L) end, L, read, Timeout).

send(S, Data) ->
    case gluon_net:send(S, Data) of
        {more, _} = More -> send_rest(S, More);
        Other -> Other
    end.

send_rest(S, More) ->
    case inet:gluon_wait(S, write, infinity) of
        ok ->
            case gluon_net:send(S, More) of
                {more, _} = More2 -> send_rest(S, More2);
                Other -> Other
            end;
        Error -> Error
    end.

recv(S, Len) -> recv(S, Len, infinity).
recv(S, Len, Timeout) ->
    inet:gluon_retry(fun() -> gluon_net:recv(S, Len) end, S, read, Timeout).

close(S) -> gluon_net:close(S).

controlling_process(S, Pid) -> gluon_net:controlling_process(S, Pid).

shutdown(S, write) -> gluon_net:shutdown_write(S);
shutdown(S, read_write) -> gluon_net:close(S);
shutdown(_, _) -> {error, enotsup}.
