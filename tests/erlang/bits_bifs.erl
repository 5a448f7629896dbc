-module(bits_bifs).
-export([start/0, id/1]).

%% The bitstring BIFs, with arguments hidden from the compiler so that
%% nothing is folded at compile time. binary_part/3 and binary_to_list/3 on
%% bitstrings with a partial byte are left out: OTP 25 accepts them, OTP 27+
%% raises badarg (Gluon follows OTP 25).

id(X) -> X.

try_(F) ->
    try F() catch C:R -> {C, R} end.

start() ->
    B = id(<<"abcdef">>),
    Bits = id(<<1, 2, 3:4>>),
    Sub = id(<<0:3, "xyz", 5:5>>),
    <<_:3, Unaligned:3/binary, _/bits>> = Sub,
    Cases = [
        {byte_size, fun() -> [byte_size(X) || X <- [B, Bits, <<>>, <<1:1>>, Unaligned]] end},
        {bit_size, fun() -> [bit_size(X) || X <- [B, Bits, <<>>, <<1:1>>, Sub]] end},
        {byte_size_bad, fun() -> byte_size(id(abc)) end},
        {bit_size_bad, fun() -> bit_size(id([1])) end},
        {part3, fun() -> binary_part(B, id(1), id(3)) end},
        {part3_neg, fun() -> binary_part(B, id(4), id(-2)) end},
        {part3_end, fun() -> binary_part(B, id(6), id(0)) end},
        {part3_out, fun() -> binary_part(B, id(5), id(2)) end},
        {part3_neg_out, fun() -> binary_part(B, id(1), id(-2)) end},
        {part3_float, fun() -> binary_part(B, id(1.0), id(1)) end},
        {part2, fun() -> binary_part(B, id({2, 2})) end},
        {part2_bad, fun() -> binary_part(B, id({2})) end},
        {part_unaligned, fun() -> binary_part(Unaligned, id(1), id(2)) end},
        {split, fun() -> split_binary(B, id(2)) end},
        {split0, fun() -> split_binary(B, id(0)) end},
        {split_all, fun() -> split_binary(B, id(6)) end},
        {split_bits, fun() -> split_binary(Bits, id(1)) end},
        {split_bits_bad, fun() -> split_binary(Bits, id(3)) end},
        {split_neg, fun() -> split_binary(B, id(-1)) end},
        {split_atom, fun() -> split_binary(id(a), 1) end},
        {to_list, fun() -> binary_to_list(Unaligned) end},
        {to_list_bits, fun() -> binary_to_list(Bits) end},
        {to_list3, fun() -> binary_to_list(B, id(2), id(4)) end},
        {to_list3_one, fun() -> binary_to_list(B, id(6), id(6)) end},
        {to_list3_bad, fun() -> binary_to_list(B, id(4), id(2)) end},
        {to_list3_zero, fun() -> binary_to_list(B, id(0), id(2)) end},
        {to_list3_past, fun() -> binary_to_list(B, id(1), id(7)) end},
        {bits_to_list, fun() -> bitstring_to_list(Bits) end},
        {bits_to_list_whole, fun() -> bitstring_to_list(B) end},
        {bits_to_list_empty, fun() -> bitstring_to_list(id(<<>>)) end},
        {bits_to_list_bad, fun() -> bitstring_to_list(id("abc")) end},
        {list_to_bits, fun() -> list_to_bitstring(id([<<1:3>>, 2, [<<3:5>>] | <<1:1>>])) end},
        {list_to_bits_bytes, fun() -> list_to_bitstring(id(["ab", <<"c">>])) end},
        {list_to_bits_bad_tail, fun() -> list_to_bitstring(id([<<1:3>> | 2])) end},
        {list_to_bits_not_list, fun() -> list_to_bitstring(id(<<1:3>>)) end},
        {list_to_bits_big, fun() -> list_to_bitstring(id([256])) end},
        {list_to_binary_bits, fun() -> list_to_binary(id([<<1:3>>, <<1:5>>])) end},
        {list_to_binary, fun() -> list_to_binary(id([$a, [<<"bc">>, Unaligned] | <<"d">>])) end},
        {iolist_to_binary, fun() -> iolist_to_binary(id([Unaligned, "!"])) end},
        {iolist_to_binary_bits, fun() -> iolist_to_binary(id(<<1:3>>)) end},
        {iolist_size, fun() -> iolist_size(id([Unaligned, "!" | B])) end},
        {is_bitstring, fun() -> [is_bitstring(X) || X <- [B, Bits, <<>>, a, "s", Unaligned]] end},
        {is_binary, fun() -> [is_binary(X) || X <- [B, Bits, <<>>, a, "s", Unaligned]] end},
        {guard_part, fun() -> [guard_part(X) || X <- [B, <<"a">>, Bits, nope]] end},
        {guard_sizes, fun() -> [guard_sizes(X) || X <- [B, Bits, <<>>, 1]] end},
        {size, fun() -> [size(X) || X <- [B, Bits, {a, b}]] end}
    ],
    [io:format("~p: ~p~n", [Name, try_(F)]) || {Name, F} <- Cases],
    io:format("~w~n", [[Bits, Sub, Unaligned]]),
    ok.

guard_part(X) when binary_part(X, 0, 2) =:= <<"ab">> -> starts_ab;
guard_part(X) when is_binary(X), byte_size(X) > 1 -> other_long;
guard_part(_) -> other.

guard_sizes(X) when bit_size(X) > 16 -> long;
guard_sizes(X) when byte_size(X) >= 2 -> two;
guard_sizes(X) when is_bitstring(X) -> short;
guard_sizes(_) -> not_bits.
