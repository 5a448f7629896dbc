%% Gluon's `inet` module: socket options and addresses for `gen_tcp` and
%% `gen_udp` (natives in `gluon_net`), and the helpers they share.
-module(inet).
-export([port/1, sockname/1, peername/1, setopts/2, getopts/2, close/1,
         ntoa/1, parse_address/1, parse_ipv4_address/1, getaddr/2]).
%% Shared with gen_tcp and gen_udp.
-export([gluon_opts/2, gluon_resolve/1, gluon_wait/3, gluon_retry/4]).

port(S) ->
    case gluon_net:sockname(S) of
        {ok, {_, Port}} -> {ok, Port};
        Error -> Error
    end.

sockname(S) -> gluon_net:sockname(S).
peername(S) -> gluon_net:peername(S).
close(S) -> gluon_net:close(S).

setopts(S, Opts) when is_list(Opts) ->
    try lists:foldl(fun set1/2, {keep, keep, keep}, Opts) of
        {A, B, P} -> gluon_net:setopts(S, A, B, P)
    catch
        throw:bad -> {error, einval}
    end;
setopts(_, _) -> {error, einval}.

set1(binary, {A, _, P}) -> {A, true, P};
set1(list, {A, _, P}) -> {A, false, P};
set1({mode, binary}, {A, _, P}) -> {A, true, P};
set1({mode, list}, {A, _, P}) -> {A, false, P};
set1({binary, B}, {A, _, P}) when is_boolean(B) -> {A, B, P};
set1({active, V}, {_, B, P}) when is_boolean(V); V =:= once; is_integer(V) -> {V, B, P};
set1({packet, P}, {A, B, _}) -> {A, B, packet(P)};
set1({_, _}, Acc) -> Acc;
set1(_, _) -> throw(bad).

getopts(S, Names) when is_list(Names) ->
    case gluon_net:getopts(S) of
        {A, B, P} ->
            All = [{active, A}, {mode, mode(B)}, {packet, P}, {binary, B}],
            {ok, [{N, V} || N <- Names, {K, V} <- All, K =:= N]};
        Error -> Error
    end.

mode(true) -> binary;
mode(false) -> list.

packet(raw) -> 0;
packet(N) when N =:= 0; N =:= 1; N =:= 2; N =:= 4 -> N;
packet(_) -> throw(bad).

%% Options as {Active, Binary, Packet, Backlog, IP}; `Default` is the
%% address to bind when `{ip, _}` is not given.
gluon_opts(Opts, Default) when is_list(Opts) ->
    lists:foldl(fun opt/2, {true, false, 0, 5, Default}, Opts);
gluon_opts(_, _) -> throw(bad).

opt(binary, {A, _, P, N, I}) -> {A, true, P, N, I};
opt(list, {A, _, P, N, I}) -> {A, false, P, N, I};
opt({mode, binary}, {A, _, P, N, I}) -> {A, true, P, N, I};
opt({mode, list}, {A, _, P, N, I}) -> {A, false, P, N, I};
opt({active, V}, {_, B, P, N, I}) when is_boolean(V); V =:= once; is_integer(V) -> {V, B, P, N, I};
opt({packet, P}, {A, B, _, N, I}) -> {A, B, packet(P), N, I};
opt({backlog, N}, {A, B, P, _, I}) when is_integer(N) -> {A, B, P, N, I};
opt({ip, Addr}, {A, B, P, N, _}) -> {A, B, P, N, addr(Addr)};
opt({ifaddr, Addr}, {A, B, P, N, _}) -> {A, B, P, N, addr(Addr)};
opt(inet, Acc) -> Acc;
opt(inet6, {A, B, P, N, {0, 0, 0, 0}}) -> {A, B, P, N, {0, 0, 0, 0, 0, 0, 0, 0}};
opt(inet6, Acc) -> Acc;
%% Accepted, with the platform's behaviour: reuseaddr (std sets it on
%% listeners), nodelay (set on every connection), buffer sizes...
opt({K, _}, Acc) when is_atom(K) -> Acc;
opt(_, _) -> throw(bad).

addr(Addr) ->
    case gluon_resolve(Addr) of
        {ok, IP} -> IP;
        _ -> throw(bad)
    end.

%% An address: a tuple, `any`, `loopback`, "localhost" or a dotted quad.
gluon_resolve(any) -> {ok, {0, 0, 0, 0}};
gluon_resolve(loopback) -> {ok, {127, 0, 0, 1}};
gluon_resolve(localhost) -> {ok, {127, 0, 0, 1}};
gluon_resolve("localhost") -> {ok, {127, 0, 0, 1}};
gluon_resolve(<<"localhost">>) -> {ok, {127, 0, 0, 1}};
gluon_resolve({_, _, _, _} = IP) -> {ok, IP};
gluon_resolve({_, _, _, _, _, _, _, _} = IP) -> {ok, IP};
gluon_resolve(Name) when is_list(Name) ->
    case parse_ipv4_address(Name) of
        {ok, IP} -> {ok, IP};
        _ -> {error, nxdomain}
    end;
gluon_resolve(Name) when is_atom(Name) -> gluon_resolve(atom_to_list(Name));
gluon_resolve(_) -> {error, einval}.

getaddr(Name, inet) -> gluon_resolve(Name);
getaddr(_, _) -> {error, eafnosupport}.

%% Sleeps until socket S is ready for Dir (read | write) or Timeout
%% (ms or infinity) passes: ok | timeout | {error, closed}.
gluon_wait(S, Dir, Timeout) ->
    case gluon_net:select(S, Dir) of
        ok ->
            receive
                {'$gluon_ready', S} -> ok
            after Timeout ->
                gluon_net:deselect(S),
                receive {'$gluon_ready', S} -> ok after 0 -> timeout end
            end;
        Error -> Error
    end.

%% Calls F() until it stops answering `wait`, sleeping on S for Dir in
%% between, for at most Timeout ms in all.
gluon_retry(F, S, Dir, Timeout) ->
    Deadline = case Timeout of
                   infinity -> infinity;
                   _ -> erlang:monotonic_time(millisecond) + Timeout
               end,
    retry(F, S, Dir, Deadline).

retry(F, S, Dir, Deadline) ->
    case F() of
        wait ->
            Left = case Deadline of
                       infinity -> infinity;
                       _ -> max(0, Deadline - erlang:monotonic_time(millisecond))
                   end,
            case gluon_wait(S, Dir, Left) of
                ok -> retry(F, S, Dir, Deadline);
                timeout -> {error, timeout};
                Error -> Error
            end;
        Result -> Result
    end.

ntoa({A, B, C, D}) ->
    lists:flatten(io_lib:format("~b.~b.~b.~b", [A, B, C, D]));
%% IPv6 as RFC 5952 writes it: lower-case, the longest run of two or
%% more zero groups (the first of equals) as "::".
ntoa({_, _, _, _, _, _, _, _} = IP) ->
    L = tuple_to_list(IP),
    Hex = [string:to_lower(integer_to_list(X, 16)) || X <- L],
    case zero_run(L, 0, none, {0, 0}) of
        {Start, Len} when Len >= 2 ->
            {A, Rest} = lists:split(Start, Hex),
            {_, B} = lists:split(Len, Rest),
            lists:flatten([lists:join(":", A), "::", lists:join(":", B)]);
        _ -> lists:flatten(lists:join(":", Hex))
    end;
ntoa(_) -> {error, einval}.

zero_run([], _, Cur, Best) -> longer(Cur, Best);
zero_run([0 | T], I, none, Best) -> zero_run(T, I + 1, {I, 1}, Best);
zero_run([0 | T], I, {S, N}, Best) -> zero_run(T, I + 1, {S, N + 1}, Best);
zero_run([_ | T], I, Cur, Best) -> zero_run(T, I + 1, none, longer(Cur, Best)).

longer({_, N} = Run, {_, M}) when N > M -> Run;
longer(_, Best) -> Best.

parse_address(S) -> parse_ipv4_address(S).

parse_ipv4_address(S) when is_list(S) ->
    try [list_to_integer(P) || P <- string:split(S, ".", all)] of
        [A, B, C, D] = Ps ->
            case lists:all(fun(X) -> X >= 0 andalso X =< 255 end, Ps) of
                true -> {ok, {A, B, C, D}};
                false -> {error, einval}
            end;
        _ -> {error, einval}
    catch
        error:_ -> {error, einval}
    end;
parse_ipv4_address(_) -> {error, einval}.
