package org.agentmon.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for protocol frames: plausible requests, random JSON, raw bytes and mutations of them. */
final class FrameGen {
  private FrameGen() {}

  /** @return frames, each one or more lines of bytes (not necessarily newline-terminated) */
  static Arbitrary<byte[]> frames() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, requests().map(FrameGen::utf8)),
        net.jqwik.api.Tuple.of(2, json(3).map(FrameGen::utf8)),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
        net.jqwik.api.Tuple.of(4, mutated()),
        net.jqwik.api.Tuple.of(1, several()));
  }

  /** JSON-RPC-shaped objects with every field drawn from good and bad values. */
  static Arbitrary<String> requests() {
    Arbitrary<String> version = Arbitraries.of("\"jsonrpc\":\"2.0\",", "", "\"jsonrpc\":\"1.0\",", "\"jsonrpc\":2,",
        "\"jsonrpc\":null,", "\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",");
    Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.integers().map(i -> "\"id\":" + i + ","),
        Arbitraries.strings().ofMaxLength(20).map(s -> "\"id\":" + quote(s) + ","),
        Arbitraries.of("", "\"id\":null,", "\"id\":{},", "\"id\":[1],", "\"id\":1.5e300,",
            "\"id\":123456789012345678901234567890,", "\"id\":true,"));
    Arbitrary<String> method = Arbitraries.oneOf(
        Arbitraries.of("hello", "status", "subscribe", "events", "status.changed", "", "STATUS", "hello ", "rpc.discover")
            .map(m -> "\"method\":" + quote(m)),
        Arbitraries.strings().ofMaxLength(40).map(m -> "\"method\":" + quote(m)),
        Arbitraries.of("\"method\":null", "\"method\":1", "\"method\":[\"status\"]", "\"method\":{}", "\"x\":1"));
    Arbitrary<String> params = Arbitraries.oneOf(Arbitraries.of("", ",\"params\":{}", ",\"params\":[]",
        ",\"params\":\"x\"", ",\"params\":null", ",\"params\":{\"protocolVersion\":\"1.0\"}",
        ",\"params\":{\"protocolVersion\":\"99.0\"}", ",\"params\":{\"protocolVersion\":5}"),
        json(2).map(j -> ",\"params\":" + j));
    return Combinators.combine(version, id, method, params).as((v, i, m, p) -> "{" + v + i + m + p + "}\n");
  }

  /** Random JSON values up to {@code depth} levels deep. */
  static Arbitrary<String> json(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf), Arbitraries.strings().ofMaxLength(30).map(FrameGen::quote),
        Arbitraries.of("true", "false", "null", "-0", "1e999", "\"\\ud800\"", "\"\\u0000\""));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<String> inner = json(depth - 1);
    Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> object = Combinators.combine(Arbitraries.strings().ofMaxLength(10), inner)
        .as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}");
    return Arbitraries.oneOf(leaf, array, object);
  }

  /** A plausible request with bytes flipped, cut, duplicated or inserted. */
  static Arbitrary<byte[]> mutated() {
    Arbitrary<byte[]> base = requests().map(FrameGen::utf8);
    return Combinators.combine(base, Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1 << 20),
        Arbitraries.integers().between(0, 1 << 20), Arbitraries.bytes()).as(FrameGen::mutate);
  }

  private static byte[] mutate(byte[] in, int kind, int a, int b, byte value) {
    int n = in.length;
    int i = a % n;
    int j = Math.min(n, i + 1 + b % 8);
    switch (kind) {
      case 0: {
        byte[] out = in.clone();
        out[i] ^= (byte) (1 << (b % 8));
        return out;
      }
      case 1: {
        byte[] out = new byte[n - (j - i)];
        System.arraycopy(in, 0, out, 0, i);
        System.arraycopy(in, j, out, i, n - j);
        return out;
      }
      case 2: {
        byte[] out = Arrays.copyOf(in, n + (j - i));
        System.arraycopy(in, i, out, j, n - i);
        return out;
      }
      case 3: {
        byte[] out = new byte[n + 1];
        System.arraycopy(in, 0, out, 0, i);
        out[i] = value;
        System.arraycopy(in, i, out, i + 1, n - i);
        return out;
      }
      default:
        return Arrays.copyOf(in, i);
    }
  }

  /** Several frames back to back, some of them empty or blank lines. */
  static Arbitrary<byte[]> several() {
    Arbitrary<String> one = Arbitraries.oneOf(requests(), Arbitraries.of("\n", " \t\n", "\r\n", "{}\n", "[]\n"));
    return one.list().ofMinSize(2).ofMaxSize(6).map(l -> utf8(String.join("", l)));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Methods that would end or reconfigure the helper under test; the fuzzer never sends them. */
  static final List<String> ENDING = List.of("stop", "start", "restart");
}
