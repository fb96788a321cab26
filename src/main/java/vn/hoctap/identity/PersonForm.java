package vn.hoctap.identity;

/**
 * What an officer fills in for a person (and the API accepts). {@code unitId}/{@code positionId}:
 * the first post, on creation only; {@code homeUnitId}: a resident's commune or ward.
 */
public record PersonForm(String username, String fullName, String phone, String email, String staffCode,
                         AccountType type, Long homeUnitId, Long unitId, Long positionId) {
}
