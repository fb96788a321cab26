package vn.hoctap.shared;

/** Nothing with this id that the actor may see. Reads outside one's scope answer this, not 403. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
