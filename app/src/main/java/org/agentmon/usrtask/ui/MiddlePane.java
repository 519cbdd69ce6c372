package org.agentmon.usrtask.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * The status view's middle (recent activity and Details), between the header and the footer: the part
 * that gives way when the window is shorter than its content (a short screen, Details open). It
 * fits its content while there is room (then it looks and behaves as no scroll pane at all) and
 * scrolls, with a scroll bar and the mouse wheel, when there is not; keyboard focus moving to a
 * control out of view scrolls it into view.
 */
final class MiddlePane extends ScrollPane {
  /** Room around the content for the controls' focus rings, which the viewport would clip. */
  private static final double RING = 3;
  private final Region content;

  MiddlePane(Region content) {
    super(content);
    this.content = content;
    getStyleClass().add("middle");
    setId("middle");
    setFitToWidth(true);
    setFitToHeight(true); // room to spare: the content is laid out to the height given, as without a scroll pane
    setHbarPolicy(ScrollBarPolicy.NEVER);
    content.setPadding(new Insets(RING));
    sceneProperty().addListener((o, was, now) -> {
      if (now != null) {
        now.focusOwnerProperty().addListener((f, before, owner) -> reveal(owner));
      }
    });
  }

  /** @return the margin to put around this pane, so the room for the focus rings takes no room in the view */
  static Insets margin() {
    return new Insets(-RING);
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL; // wrapped text: the narrower, the taller
  }

  @Override
  protected double computePrefHeight(double width) {
    double w = width >= 0 ? width - snappedLeftInset() - snappedRightInset() : -1;
    return snappedTopInset() + content.prefHeight(w) + snappedBottomInset();
  }

  @Override
  protected double computeMinHeight(double width) {
    return snappedTopInset() + snappedBottomInset();
  }

  /** Scrolls so that the focused node, when it is in the middle, is in view (whole, where it fits). */
  private void reveal(Node owner) {
    Node up = owner;
    while (up != null && up != content) {
      up = up.getParent();
    }
    double viewport = getViewportBounds().getHeight();
    double spare = content.getHeight() - viewport;
    if (up == null || spare <= 0) {
      return;
    }
    Bounds b = content.sceneToLocal(owner.localToScene(owner.getBoundsInLocal()));
    // Its bottom into view, but never its top out of it (Details, focused by its title, is taller than the view).
    double top = Math.min(b.getMinY(), Math.max(getVvalue() * spare, b.getMaxY() - viewport));
    setVvalue(Math.max(0, Math.min(1, top / spare)));
  }
}
