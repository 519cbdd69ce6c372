package org.agentmon.bench;

/** A JVM hello-world: the bench's lower bound for any Java process. */
final class HelloWorld {
  private HelloWorld() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
