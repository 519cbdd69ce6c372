package org.agentmon.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://agentmon.example.com/base | https://agentmon.example.com/base",
      "https://enroll:S3CRET@host.example | https://***@host.example",
      "https://host.example/v1?token=S3CRET | https://host.example/v1?***",
      "https://host.example/#S3CRET | https://host.example/#***",
      "https://enroll:S3/CR?ET@host.example:8443/p?q=S3CRET | https://***@host.example:8443/p?***",
      "http://a@b@127.0.0.1:9 | http://***@127.0.0.1:9",
      "not a url | not a url"})
  void url(String in, String shown) {
    assertEquals(shown, Redaction.url(in));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cannot connect to https://u:S3CRET@h.example/x: refused | cannot connect to https://***@h.example/x: refused",
      "\"https://h.example?t=S3CRET\" and ftp://x:S3CRET@y | \"https://h.example?***\" and ftp://***@y",
      "no url here | no url here"})
  void text(String in, String shown) {
    assertEquals(shown, Redaction.text(in));
  }

  @org.junit.jupiter.api.Test
  void nullStaysNull() {
    assertNull(Redaction.url(null));
    assertNull(Redaction.text(null));
  }
}
