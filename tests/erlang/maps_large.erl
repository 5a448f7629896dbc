-module(maps_large).
-export([start/0]).

%% Large maps (more than 32 keys): growth across the boundary, deletions
%% back down across it, and thousands of pseudo-random operations from an
%% LCG checked against a model (a sorted key list). Large maps and their
%% unsorted key lists are never printed: OTP enumerates them in hash order.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

%% A 31-bit LCG (the same numbers on every VM).
lcg(S) -> (S * 1103515245 + 12345) band 16#7fffffff.

sorted(M) -> lists:sort(maps:to_list(M)).

start() ->
    grow_and_shrink(),
    key_kinds(),
    random_ops(1, 4000, 300),
    random_ops(7, 3000, 2000),
    random_ops(42, 2000, 40),
    persistence(),
    bulk(),
    literal(),
    messages(),
    ok.

%% Insert 1..100 one at a time, checking at every size; then delete in a
%% scattered order down to empty.
grow_and_shrink() ->
    {M100, Bad} = lists:foldl(
        fun(I, {M, Errs}) ->
            M2 = M#{I => {v, I}},
            Ok = map_size(M2) =:= I andalso maps:get(I, M2) =:= {v, I}
                 andalso lists:sort(maps:keys(M2)) =:= lists:seq(1, I)
                 andalso maps:is_key(I - 1, M2) =:= (I > 1),
            {M2, if Ok -> Errs; true -> [I | Errs] end}
        end, {#{}, []}, lists:seq(1, 100)),
    show("grow errors", Bad),
    show("size 100", map_size(M100)),
    show("around boundary", [{N, map_size(maps:from_list([{K, K} || K <- lists:seq(1, N)]))}
                             || N <- [31, 32, 33, 34]]),
    Order = [(K * 37) rem 101 || K <- lists:seq(1, 100)],
    {M0, Bad2} = lists:foldl(
        fun(K, {M, Errs}) ->
            M2 = maps:remove(K, M),
            Ok = not maps:is_key(K, M2) andalso map_size(M2) =:= map_size(M) - 1
                 andalso sorted(M2) =:= [{X, V} || {X, V} <- sorted(M), X =/= K],
            {M2, if Ok -> Errs; true -> [K | Errs] end}
        end, {M100, []}, Order),
    show("shrink errors", Bad2),
    show("shrunk", M0),
    %% Exactly 33 -> 32 -> 33.
    M33 = maps:from_list([{K, K} || K <- lists:seq(1, 33)]),
    M32 = maps:remove(17, M33),
    show("33 to 32", {map_size(M32), maps:is_key(17, M32), maps:get(33, M32)}),
    show("32 printed", M32),
    show("back to 33", maps:put(17, 17, M32) =:= M33),
    {V17, T32} = maps:take(17, M33),
    show("take", {V17, T32 =:= M32}),
    show("without to small", maps:without(lists:seq(1, 30), M33)).

%% Keys of many kinds in one large map.
key_kinds() ->
    Keys = lists:append([[I, float(I), {I}, [I], integer_to_binary(I),
                          list_to_atom("k" ++ integer_to_list(I))] || I <- lists:seq(1, 20)]),
    M = maps:from_list([{K, N} || {K, N} <- lists:zip(Keys, lists:seq(1, length(Keys)))]),
    show("kinds size", map_size(M)),
    show("kinds lookups", lists:all(fun({K, N}) -> maps:get(K, M) =:= N end,
                                    lists:zip(Keys, lists:seq(1, length(Keys))))),
    show("1 and 1.0", {maps:get(1, M), maps:get(1.0, M)}),
    Ks = maps:keys(M),
    show("kinds sorted keys", {lists:sort([K || K <- Ks, is_integer(K)]),
                               lists:sort([K || K <- Ks, is_float(K)]),
                               lists:sublist(lists:sort([K || K <- Ks, not is_number(K)]), 1, 30)}),
    Big = 1 bsl 40,
    M2 = M#{Big => big, -Big => negbig, 0.5 => half, <<1:3>> => bits},
    show("more kinds", [maps:get(K, M2) || K <- [Big, -Big, 0.5, <<1:3>>]]).

%% Pseudo-random puts, updates, removes and lookups against a model.
random_ops(Seed, Steps, Range) ->
    {M, Model, _, Errs} = lists:foldl(
        fun(Step, {M, Model, S, Errs}) ->
            S1 = lcg(S),
            S2 = lcg(S1),
            K = key(S1 rem Range),
            {M2, Model2} =
                case S2 rem 10 of
                    N when N < 5 -> {M#{K => Step}, store(K, Step, Model)};
                    N when N < 8 -> {maps:remove(K, M), erase(K, Model)};
                    8 ->
                        case is_key(K, Model) of
                            true -> {M#{K := -Step}, store(K, -Step, Model)};
                            false -> {M, Model}
                        end;
                    _ -> {M, Model}
                end,
            Probe = key(lcg(S2) rem Range),
            Ok = maps:find(Probe, M2) =:= find(Probe, Model2)
                 andalso map_size(M2) =:= length(Model2),
            Full = Step rem 250 =/= 0 orelse sorted(M2) =:= Model2,
            Errs2 = if Ok andalso Full -> Errs; true -> [Step | Errs] end,
            {M2, Model2, S2, Errs2}
        end, {#{}, [], Seed, []}, lists:seq(1, Steps)),
    show("random " ++ integer_to_list(Seed),
         {lists:sublist(lists:reverse(Errs), 5), map_size(M), sorted(M) =:= Model,
          M =:= maps:from_list(Model)}).

%% The model: a list of {Key, Value} sorted by key (keys here are
%% integers and tuples, so == and =:= agree on them).
store(K, V, [{K1, _} = P | Rest]) when K1 < K -> [P | store(K, V, Rest)];
store(K, V, [{K, _} | Rest]) -> [{K, V} | Rest];
store(K, V, Rest) -> [{K, V} | Rest].

erase(K, L) -> [P || {K1, _} = P <- L, K1 =/= K].

is_key(K, L) -> lists:keymember(K, 1, L).

find(K, L) ->
    case lists:keyfind(K, 1, L) of
        {K, V} -> {ok, V};
        false -> error
    end.

%% Mixed keys for the random test: integers and tuples.
key(N) when N rem 3 =:= 0 -> {N};
key(N) -> N.

%% An old version of a map is unaffected by updates of newer ones.
persistence() ->
    Base = maps:from_list([{K, K} || K <- lists:seq(1, 500)]),
    Versions = lists:foldl(fun(I, [M | _] = Acc) ->
                                   [maps:remove(I, M#{I + 1000 => I}) | Acc]
                           end, [Base], lists:seq(1, 480)),
    Sizes = [map_size(V) || V <- Versions],
    show("versions", {length(Versions), lists:usort(Sizes)}),
    show("base intact", {map_size(Base), lists:sum(maps:values(Base)),
                         maps:get(1, Base), maps:is_key(1001, Base)}),
    Last = hd(Versions),
    show("last", {map_size(Last), lists:sublist(lists:sort(maps:keys(Last)), 1, 25)}).

%% Whole-map operations on large maps.
bulk() ->
    A = maps:from_list([{K, a} || K <- lists:seq(1, 3000)]),
    B = maps:from_list([{K, b} || K <- lists:seq(2000, 5000)]),
    show("merge", {map_size(maps:merge(A, B)), maps:get(2500, maps:merge(A, B)),
                   maps:get(2500, maps:merge(B, A))}),
    show("intersect", {map_size(maps:intersect(A, B)), maps:get(2000, maps:intersect(A, B))}),
    show("with", sorted(maps:with([1, 2999, 3000, 3001, 9999], A))),
    show("without", map_size(maps:without(lists:seq(1, 2990), A))),
    show("fold", maps:fold(fun(K, _, Acc) -> K + Acc end, 0, A)),
    show("map", lists:usort(maps:values(maps:map(fun(K, _) -> K rem 3 end, A)))),
    show("filter", map_size(maps:filter(fun(K, _) -> K rem 7 =:= 0 end, A))),
    show("keys sorted", lists:sort(maps:keys(A)) =:= lists:seq(1, 3000)),
    show("values", length(maps:values(B))),
    show("equal", {A =:= maps:from_list(lists:reverse(maps:to_list(A))),
                   A =:= A#{1 := b}, A == A#{1 => a}}),
    C = maps:from_keys(lists:seq(1, 1000), 0),
    show("from_keys", {map_size(C), maps:get(999, C)}).

%% A literal large map (from the module's literal table) and patterns on it.
literal() ->
    M = #{1 => {v, 1}, 2 => {v, 2}, 3 => {v, 3}, 4 => {v, 4}, 5 => {v, 5}, 6 => {v, 6}, 7 => {v, 7}, 8 => {v, 8}, 9 => {v, 9}, 10 => {v, 10}, 11 => {v, 11}, 12 => {v, 12}, 13 => {v, 13}, 14 => {v, 14}, 15 => {v, 15}, 16 => {v, 16}, 17 => {v, 17}, 18 => {v, 18}, 19 => {v, 19}, 20 => {v, 20}, 21 => {v, 21}, 22 => {v, 22}, 23 => {v, 23}, 24 => {v, 24}, 25 => {v, 25}, 26 => {v, 26}, 27 => {v, 27}, 28 => {v, 28}, 29 => {v, 29}, 30 => {v, 30}, 31 => {v, 31}, 32 => {v, 32}, 33 => {v, 33}, 34 => {v, 34}, 35 => {v, 35}, 36 => {v, 36}, 37 => {v, 37}, 38 => {v, 38}, 39 => {v, 39}, 40 => {v, 40}},
    #{7 := Seven, 40 := Forty} = M,
    show("literal", {map_size(M), Seven, Forty, maps:get(33, M), maps:is_key(41, M)}),
    M2 = maps:remove(40, maps:remove(39, M#{0 => zero})),
    show("literal shrink", {map_size(M2), maps:get(0, M2), M =:= maps:from_list([{K, {v, K}} || K <- lists:seq(1, 40)])}).

%% Large maps copied between processes (messages and spawn arguments).
messages() ->
    M = maps:from_list([{K, {K, [K]}} || K <- lists:seq(1, 2000)]),
    Parent = self(),
    Pid = spawn(fun() ->
                        receive {From, Got} ->
                                From ! {self(), maps:put(0, zero, Got), map_size(Got)}
                        end
                end),
    Pid ! {Parent, M},
    receive
        {Pid, Back, N} ->
            show("message", {N, map_size(Back), maps:get(0, Back),
                             maps:remove(0, Back) =:= M, maps:get(1999, Back)})
    end,
    Echo = spawn(fun() -> Parent ! {echo, lists:sum([K || K <- maps:keys(M), K rem 100 =:= 0])} end),
    receive {echo, S} -> show("spawn closure", {is_pid(Echo), S}) end.
