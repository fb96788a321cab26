package vn.hoctap.platform.security;

import java.time.Duration;

/** Why a sign-in failed, left as a request attribute for the sign-in page to explain. */
public record SignInFailure(Reason reason, Duration retryAfter) {

    public static final String ATTRIBUTE = "hoctap.signInFailure";

    public enum Reason { INVALID, THROTTLED }
}
