-module(maps_small).
-export([start/0, id/1]).

%% Small (flat) maps: at most 32 keys. Printed maps have integer, tuple,
%% float, list or binary keys only: OTP 26+ prints maps with atom keys in
%% internal atom order, which differs between releases; maps with atom
%% keys are printed through lists:sort(maps:to_list(M)).

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

sorted(M) -> lists:sort(maps:to_list(M)).

start() ->
    E = id(#{}),
    show("empty", {E, map_size(E), maps:to_list(E), is_map(E)}),
    M1 = id(#{3 => c, 1 => a, 2 => b}),
    show("ints", M1),
    io:format("~w~n", [M1]),
    show("keys", {maps:keys(M1), maps:values(M1)}),
    %% Key order is exact term order: integers before floats, numbers
    %% before atoms before tuples before lists before binaries.
    Mixed = id(#{<<"b">> => 1, [1] => 2, {x} => 3, 2.5 => 4, 7 => 5, 1.0 => 6, 1 => 7}),
    show("mixed", Mixed),
    show("mixed keys", maps:keys(Mixed)),
    %% 1 and 1.0 are distinct keys.
    show("1 vs 1.0", {maps:get(1, Mixed), maps:get(1.0, Mixed), map_size(#{1 => a, 1.0 => b})}),
    show("find float", {maps:find(2.5, Mixed), maps:find(2, Mixed)}),
    %% Atom keys, printed sorted.
    A = id(#{zeta => 1, alpha => 2, mid => 3}),
    show("atoms sorted", sorted(A)),
    show("single atom", #{only => 1}),
    %% Grow one by one up to 32 keys: stays flat, values kept.
    M32 = lists:foldl(fun(I, Acc) -> Acc#{I => I * I} end, #{}, lists:seq(32, 1, -1)),
    show("32 size", map_size(M32)),
    show("32 keys", maps:keys(M32)),
    show("32 sum", lists:sum(maps:values(M32))),
    show("32 printed", M32),
    %% Overwrites do not grow.
    M32b = M32#{5 => five, 32 => last},
    show("overwrite", {map_size(M32b), maps:get(5, M32b), maps:get(32, M32b), maps:get(5, M32)}),
    %% Removal.
    show("remove", maps:remove(3, M1)),
    show("remove missing", maps:remove(9, M1) =:= M1),
    show("without", maps:without([1, 3, 99], M1)),
    %% Values of any kind.
    V = id(#{1 => [1, 2], 2 => {t, <<"bin">>}, 3 => #{4 => 5}, 4 => 3.25, 5 => "str"}),
    show("values", V),
    %% Equality and order.
    show("eq", {#{1 => a} =:= id(#{1 => a}), #{1 => a} == id(#{1 => a}),
                #{1 => 1} == id(#{1 => 1.0}), #{1 => 1} =:= id(#{1 => 1.0}),
                #{1 => a} == id(#{1.0 => a})}),
    show("order size first", #{9 => z} < id(#{1 => a, 2 => b})),
    show("order keys", {#{1 => b} < id(#{2 => a}), #{1 => a} < id(#{1.0 => a}),
                        #{a => 1} < id(#{b => 0})}),
    show("order values", {#{1 => a} < id(#{1 => b}), #{1 => 2} < id(#{1 => 1.5})}),
    show("sort maps", lists:sort([#{2 => a}, #{1 => b, 0 => c}, #{1 => a}, #{}, #{1.0 => a}])),
    show("map vs other", {#{} > {a, b, c}, #{} < [], #{} < <<>>, #{} > 42}),
    %% Maps as keys.
    K1 = #{1 => x},
    MK = id(#{K1 => one, #{} => empty, #{1 => x, 2 => y} => two}),
    show("map keys", MK),
    show("map key get", {maps:get(#{1 => x}, MK), maps:get(#{}, MK), maps:is_key(#{1 => y}, MK)}),
    show("from_list dup", maps:from_list([{1, a}, {2, b}, {1, c}])),
    show("from_keys", maps:from_keys([3, 1, 2], x)),
    ok.
