package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.image.Image;
import javafx.stage.Stage;
import lab.mobilenet.engine.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A card's pictures become JavaFX images once, not on every update of the card. */
@ExtendWith(ApplicationExtension.class)
class CardImagesTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all we need
    }

    private static RgbImage picture() {
        return RgbImage.of(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255});
    }

    @Test
    void theSamePictureGivesTheSameImageAcrossUpdates(FxRobot robot) {
        robot.interact(() -> {
            CardImages images = new CardImages();
            RgbImage photo = picture();
            Image first = images.of(photo);
            images.nextUpdate();
            assertSame(first, images.of(photo));
            images.nextUpdate();
            assertSame(first, images.of(photo));
            assertEquals(0xFFFF0000, first.getPixelReader().getArgb(0, 0));
            assertEquals(0xFF0000FF, first.getPixelReader().getArgb(1, 0));
        });
    }

    @Test
    void anotherPictureWithTheSamePixelsIsItsOwnImage(FxRobot robot) {
        robot.interact(() -> {
            CardImages images = new CardImages();
            assertNotSame(images.of(picture()), images.of(picture()));
        });
    }

    @Test
    void aPictureUnusedForTwoUpdatesIsDropped(FxRobot robot) {
        robot.interact(() -> {
            CardImages images = new CardImages();
            RgbImage photo = picture();
            Image first = images.of(photo);
            images.nextUpdate();
            images.nextUpdate();
            assertNotSame(first, images.of(photo)); // made again: the cache held no reference to it
        });
    }
}
